package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.security.PasswordCredential;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whose account a managed connection signs its requests with: the application's
 * {@code createConnection(user, password)}, else the server's credential for the factory
 * (container sign-on), else the adapter's {@code userName} and {@code password}.
 */
class SignOnTest extends OutboundTestBase {
    @AfterEach
    void forgetAdapterAccount() {
        adapter.setUserName(null);
        adapter.setPassword(null);
    }

    private Subject containerSignOn(String user, String password) {
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(factory);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(credential);
        return subject;
    }

    @Test
    void theApplicationsAccountComesFirst() throws Exception {
        PhysicalConnection physical = factory.physicalConnection(containerSignOn("server", "server-secret"),
                new ConnectionRequest("shop", "shop-secret"));

        assertThat(physical.userName()).isEqualTo("shop");
        assertThat(physical.password()).isEqualTo("shop-secret");
    }

    @Test
    void thenTheServersCredentialForTheFactory() throws Exception {
        adapter.setUserName("adapter");
        adapter.setPassword("adapter-secret");

        PhysicalConnection physical = factory.physicalConnection(containerSignOn("server", "server-secret"), null);

        assertThat(physical.userName()).isEqualTo("server");
        assertThat(physical.password()).isEqualTo("server-secret");
    }

    @Test
    void thenTheAdaptersAccountAndOtherwiseNone() throws Exception {
        assertThat(factory.physicalConnection(null, null).userName()).isNull();

        adapter.setUserName("adapter");
        adapter.setPassword("adapter-secret");
        PhysicalConnection physical = factory.physicalConnection(new Subject(), ConnectionRequest.DEFAULT);

        assertThat(physical.userName()).isEqualTo("adapter");
        assertThat(physical.password()).isEqualTo("adapter-secret");
        assertThat(physical.toString()).doesNotContain("adapter-secret");
    }

    @Test
    void aServerCredentialWithoutPasswordIsNoAccount() throws Exception {
        adapter.setUserName("adapter");
        adapter.setPassword("adapter-secret");

        PhysicalConnection physical = factory.physicalConnection(containerSignOn("user", ""), null);

        assertThat(physical.userName()).isEqualTo("adapter");
        assertThat(factory.physicalConnection(containerSignOn("user", ""), ConnectionRequest.DEFAULT).password())
                .isEqualTo("adapter-secret");
    }

    @Test
    void aUserWithoutPasswordIsASecurityFailure() {
        assertThatThrownBy(() -> factory.createManagedConnection(null, new ConnectionRequest("shop", null)))
                .isInstanceOf(SecurityException.class).hasMessageContaining("shop");
    }
}

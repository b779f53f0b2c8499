package dev.bolide.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.PooledBootstrapContext;
import jakarta.jms.JMSContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded broker with access control ({@code aclConfigFile}): activations sign with the
 * activation spec's account, else the adapter's; a broken ACL file stops the adapter's start.
 */
class SignedDeliveryTest {
    private static final String ACL = """
            accounts:
              - accessKey: reader1
                secretKey: reader-secret
                defaultTopicPerm: PUB|SUB
                defaultGroupPerm: SUB
            """;

    @TempDir
    static Path dir;
    private static PooledBootstrapContext server;
    private static BolideResourceAdapter adapter;

    private final String destination = "Orders" + System.nanoTime();
    private final List<Runnable> deactivations = new ArrayList<>();

    @BeforeAll
    static void startAdapter() throws Exception {
        server = new PooledBootstrapContext();
        adapter = embeddedAdapter(Files.writeString(dir.resolve("plain_acl.yml"), ACL), dir.resolve("store"));
        adapter.setUserName("reader1");
        adapter.setPassword("reader-secret");
        adapter.start(server);
    }

    private static BolideResourceAdapter embeddedAdapter(Path acl, Path store) {
        BolideResourceAdapter embedded = new BolideResourceAdapter();
        embedded.setBrokerPort(0);
        embedded.setNameServerPort(0);
        embedded.setStoreDir(store.toString());
        embedded.setMappedFileSizeCommitLog(8 << 20);
        embedded.setAclConfigFile(acl.toString());
        return embedded;
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.stop();
        server.close();
    }

    @AfterEach
    void deactivate() {
        deactivations.forEach(Runnable::run);
    }

    private RecordingEndpointFactory activate(String userName, String password) throws Exception {
        BolideActivationSpec spec = new BolideActivationSpec();
        spec.setDestination(destination);
        spec.setUserName(userName);
        spec.setPassword(password);
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();
        adapter.endpointActivation(factory, spec);
        deactivations.add(() -> adapter.endpointDeactivation(factory, spec));
        return factory;
    }

    private void send(String text) {
        try (JMSContext context = new BolideConnectionFactory(adapter.nameServerAddress())
                .createContext("reader1", "reader-secret")) {
            context.createProducer().send(context.createQueue(destination), text);
        }
    }

    @Test
    void anActivationWithoutAnAccountOfItsOwnReceivesAsTheAdaptersAccount() throws Exception {
        RecordingEndpointFactory factory = activate(null, null);

        send("order 1");

        await().atMost(Duration.ofSeconds(20)).until(() -> factory.accepted().contains("order 1"));
    }

    /** The spec's own account comes first: a wrong password fails the activation, saying why. */
    @Test
    void anActivationWithAWrongPasswordFailsNamingTheRefusal() {
        assertThatThrownBy(() -> activate("reader1", "not-the-secret"))
                .hasMessageContaining("Check signature failed for accessKey=reader1");
    }

    @Test
    void aBrokenAclFileStopsTheAdaptersStart() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken_acl.yml"), "accounts: [\n");
        BolideResourceAdapter refused = embeddedAdapter(broken, dir.resolve("other-store"));

        try (PooledBootstrapContext other = new PooledBootstrapContext()) {
            assertThatThrownBy(() -> refused.start(other)).hasMessageContaining(broken.toString());
        }
    }
}

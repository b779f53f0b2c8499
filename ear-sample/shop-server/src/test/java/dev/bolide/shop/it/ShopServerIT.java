package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.shop.it.RunningShop.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** What {@code bin/bolide-shop start} promises: the adapter beside the EAR, the page and the API answering. */
class ShopServerIT {

    private final RunningShop shop = RunningShop.fromBuild();

    @Test
    void adapterIsDeployedBesideTheShop() {
        String applications = Asadmin.fromBuild().run("list-applications", "--long");

        assertThat(applications).containsPattern("bolide-ra\\s+<connector>").containsPattern("shop\\s+<ear");
    }

    @Test
    void adapterIsConfiguredForAnEmbeddedBrokerThatForcesEachSend() {
        String properties = Asadmin.fromBuild().run("get", "resources.resource-adapter-config.bolide-ra.property.*");

        assertThat(properties).contains("property.mode=EMBEDDED", "property.flushType=SYNC_FLUSH");
    }

    /** The account's secret key is in the domain only: the ACL file and a password alias, which Payara resolves. */
    @Test
    void adapterSignsAsTheDomainsAccountWithAPasswordAlias() {
        String properties = Asadmin.fromBuild().run("get", "resources.resource-adapter-config.bolide-ra.property.*");

        assertThat(properties).contains("property.userName=" + ShopDomain.BROKER_USER,
                "property.password=${ALIAS=bolide-shop-broker}",
                "property.aclConfigFile=" + ShopDomain.fromBuild().aclFile().toAbsolutePath().normalize());
        assertThat(properties).doesNotContain(ShopDomain.fromBuild().brokerSecretKey());
    }

    @Test
    void embeddedBrokerListensOnItsNameServerPort() throws IOException {
        int port = Integer.getInteger("shop.nameServerPort", 9876);

        try (Socket nameServer = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(nameServer.isConnected()).isTrue();
        }
    }

    @Test
    void pageAnswers() {
        Reply page = shop.getPage();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Bolide shop</title>");
    }

    @Test
    void healthEndpointAnswersUp() {
        Reply health = shop.get("health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }
}

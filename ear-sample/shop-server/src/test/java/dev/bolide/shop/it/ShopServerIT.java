package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.shop.it.RunningShop.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * What {@code bin/bolide-shop start} promises on either server: the embedded broker listening, the page
 * and the API answering (how each server holds the adapter: ShopOnPayaraIT, ShopOnWildFlyIT).
 */
class ShopServerIT {

    private final RunningShop shop = RunningShop.fromBuild();

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

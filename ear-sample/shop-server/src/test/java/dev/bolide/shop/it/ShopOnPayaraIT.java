package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code bin/bolide-shop start} promises on Payara: the adapter deployed beside the EAR, configured. */
class ShopOnPayaraIT {

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
}

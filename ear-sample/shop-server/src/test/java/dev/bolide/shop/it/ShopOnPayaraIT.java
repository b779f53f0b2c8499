package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code bin/bolide-shop start} promises on Payara: the adapter deployed beside the EAR, configured, signing as the domain's account. */
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

    /** The account's secret key is in the domain only: the ACL file and a password alias, which Payara resolves. */
    @Test
    void adapterSignsAsTheDomainsAccountWithAPasswordAlias() {
        String properties = Asadmin.fromBuild().run("get", "resources.resource-adapter-config.bolide-ra.property.*");

        assertThat(properties).contains("property.userName=" + ShopDomain.BROKER_USER,
                "property.password=${ALIAS=bolide-shop-broker}",
                "property.aclConfigFile=" + ShopDomain.fromBuild().aclFile().toAbsolutePath().normalize());
        assertThat(properties).doesNotContain(ShopDomain.fromBuild().brokerSecretKey());
    }
}

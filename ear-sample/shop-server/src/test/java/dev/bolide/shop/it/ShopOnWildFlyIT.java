package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code SHOP_SERVER=wildfly bin/bolide-shop start} promises (profile wildfly): the adapter
 * deployed beside the EAR and configured by the repository's scripts, and the shop's sends going
 * through the server's XA pool, the one WildFly recovers (the EAR's jboss-ejb3.xml points the
 * services there instead of at their {@code @ConnectionFactoryDefinition}, which WildFly never recovers).
 */
class ShopOnWildFlyIT {
    private static final String ADAPTER = "/subsystem=resource-adapters/resource-adapter=bolide-ra.rar";
    private static final String POOL = ADAPTER + "/connection-definitions=BolideConnectionFactory";

    private final JbossCli cli = JbossCli.fromBuild();

    @Test
    void adapterIsDeployedBesideTheShop() {
        String deployments = cli.run("deployment-info");

        assertThat(deployments).containsPattern("bolide-ra\\.rar .* OK").containsPattern("shop\\.ear .* OK");
    }

    @Test
    void adapterIsConfiguredForAnEmbeddedBrokerThatForcesEachSend() {
        String settings = cli.run(ADAPTER + "/config-properties=mode:read-attribute(name=value)",
                ADAPTER + "/config-properties=flushType:read-attribute(name=value)");

        assertThat(settings).contains("\"EMBEDDED\"", "\"SYNC_FLUSH\"");
    }

    @Test
    void theShopSendsThroughTheServersPoolWhichHasRecoveryCredentials() {
        cli.run(POOL + "/statistics=pool:write-attribute(name=statistics-enabled, value=true)");

        new ShopData(RunningShop.fromBuild()).placeOrder(ShopData.ALICE, ShopData.CABLE, 1, null);

        String pool = cli.run(POOL + ":read-attribute(name=recovery-username)",
                POOL + "/statistics=pool:read-attribute(name=MaxUsedCount)");
        assertThat(pool).containsPattern("\"result\" => expression \"\\$\\{bolide.recoveryUser");
        assertThat(lastResult(pool)).as("connections the shop took from the pool").isPositive();
    }

    /** The number the last of several operations answered. */
    private static long lastResult(String output) {
        Matcher result = Pattern.compile("\"result\" => (\\d+)").matcher(output);
        long last = -1;
        while (result.find()) {
            last = Long.parseLong(result.group(1));
        }
        assertThat(last).as("a number in " + output).isNotNegative();
        return last;
    }
}

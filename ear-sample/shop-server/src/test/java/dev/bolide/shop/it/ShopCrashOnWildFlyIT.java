package dev.bolide.shop.it;

import dev.bolide.ra.crash.BlockingResource;
import dev.bolide.ra.crash.NarayanaRecoveryListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.rocketmq.acl.common.SessionCredentials;

/**
 * {@link ShopCrashScenario} on WildFly: the server directory of {@code SHOP_SERVER=wildfly
 * bin/bolide-shop}, WildFly killed by the pid it wrote and started again by the same command, as the
 * build started it. Narayana commits the database branch through the server's XA data source and the
 * Bolide branch through the server's pool of {@code bolide-ra.cli}, the one the EAR's
 * {@code jboss-ejb3.xml} points the shop's sends at: WildFly gives the pool of the shop's
 * {@code @ConnectionFactoryDefinition} no recovery credentials and never recovers it (IJ020016).
 *
 * <p>Narayana's recovery is periodic (two minutes; the first pass at start may come before the adapter
 * is deployed): before the kill the test turns the recovery listener on (it opens at the restart) and
 * then asks it for passes; afterwards the configuration is set back.
 */
class ShopCrashOnWildFlyIT extends ShopCrashScenario {
    private static final String WAR = APPLICATION + ".war";
    private static final String MARKER = "/system-property=" + BlockingResource.MARKER_PROPERTY;
    private static final String RECOVERY_LISTENER = "/subsystem=transactions:write-attribute(name=recovery-listener, value=";

    private final JbossCli cli = JbossCli.fromBuild();
    private final Path server = Path.of(System.getProperty("shop.wildflyServer", "target/wildfly-shop"));
    private final int portOffset = Integer.getInteger("shop.wildflyPortOffset", 0);

    @Override
    protected void deploy(Path war, Path marker) {
        cli.run(MARKER + ":add(value=\"" + marker + "\")", RECOVERY_LISTENER + "true)",
                "deploy " + war + " --name=" + WAR);
    }

    @Override
    protected void undeploy() {
        cli.attempt("undeploy " + WAR);
        cli.attempt(RECOVERY_LISTENER + "false)", MARKER + ":remove");
    }

    /** SIGKILL, then {@code bin/bolide-shop start} as the build runs it: WildFly started, the EAR redeployed. */
    @Override
    protected void killAndRestart() {
        new ServerPid(server.resolve("wildfly.pid")).kill();
        AdminCommand.run(List.of("env", "SHOP_SERVER=wildfly", "SHOP_SKIP_BUILD=1", "SHOP_PORT_OFFSET=" + portOffset,
                "SHOP_BROKER_PORT=" + Integer.getInteger("shop.brokerPort", 10911),
                "SHOP_NAMESRV_PORT=" + Integer.getInteger("shop.nameServerPort", 9876),
                System.getProperty("shop.startScript", "../../bin/bolide-shop"), "start"));
    }

    /** The shop's broker on WildFly checks no ACL (its account is the Payara domain's). */
    @Override
    protected Optional<SessionCredentials> brokerAccount() {
        return Optional.empty();
    }

    @Override
    protected void askForRecovery() {
        new NarayanaRecoveryListener(4712 + portOffset).scan();
    }
}

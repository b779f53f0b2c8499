package dev.bolide.shop.it;

import dev.bolide.ra.crash.BlockingResource;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.rocketmq.acl.common.SessionCredentials;

/**
 * {@link ShopCrashScenario} on Payara Server: the domain killed and started again with
 * {@code start-domain}; recovery commits the database branch through the shop's data source and the
 * Bolide branch through the unused pool that the EAR's {@code glassfish-resources.xml} declares (the
 * shop sends through a {@code @ConnectionFactoryDefinition} pool, which Payara's recovery never scans).
 * With that pool taken out of the EAR the test failed after its 5 minutes: the payment row was
 * committed (PAID) but the order stayed CONFIRMED, the "paid" message never delivered.
 */
class ShopCrashOnPayaraIT extends ShopCrashScenario {
    private final Asadmin asadmin = Asadmin.fromBuild();
    private final ShopDomain domain = ShopDomain.fromBuild();

    @Override
    protected void deploy(Path war, Path marker) {
        asadmin.run("create-system-properties", BlockingResource.MARKER_PROPERTY + "=" + marker);
        asadmin.run("deploy", "--name", APPLICATION, "--contextroot", APPLICATION, war.toString());
    }

    @Override
    protected void undeploy() {
        asadmin.attempt("undeploy", APPLICATION);
        asadmin.attempt("delete-system-property", BlockingResource.MARKER_PROPERTY);
    }

    @Override
    protected void killAndRestart() {
        domain.kill();
        asadmin.startDomain(domain);
    }

    /** The domain's account: listing prepared branches is for admins. */
    @Override
    protected Optional<SessionCredentials> brokerAccount() {
        return Optional.of(new SessionCredentials(ShopDomain.BROKER_USER, domain.brokerSecretKey()));
    }
}

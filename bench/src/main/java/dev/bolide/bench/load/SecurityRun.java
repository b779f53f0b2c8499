package dev.bolide.bench.load;

import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --security}: what TLS and ACL cost a send and a consumption. Three Bolide brokers run side
 * by side for the whole run and take turns in rounds ({@link SideBySideRounds}, with its consume
 * side): one plain, one with {@code tls.server.mode} (a self-signed certificate made at start, the
 * clients with {@code useTLS}), one with {@code aclEnable = true} (producer and push consumer signing
 * every request with rocketmq-acl's {@code AclClientRPCHook}).
 */
final class SecurityRun {
    /** An admin account: the harness creates its topic with the same producer that sends. */
    private static final BrokerSecurity.Account ACCOUNT = new BrokerSecurity.Account("benchmark1", "benchmark-secret");
    private static final String PLAIN_ACL_YML = """
            accounts:
              - accessKey: benchmark1
                secretKey: benchmark-secret
                admin: true
            """;

    private SecurityRun() {
    }

    static String run(HarnessOptions options) throws Exception {
        BrokerSetup brokers = options.brokerSetup();
        Path scratch = ScratchDirectory.create(options.scratchParent(), "security-").path();
        SelfSignedCertificate certificate = new SelfSignedCertificate("bolide-broker");
        try (SideBySideRounds setups = SideBySideRounds.withConsumption()) {
            Path acl = Files.writeString(scratch.resolve("plain_acl.yml"), PLAIN_ACL_YML);
            BrokerSecurity tls = BrokerSecurity.tls(options.tlsMode(), certificate.certificate().toString(),
                    certificate.privateKey().toString());
            BrokerSecurity access = BrokerSecurity.acl(acl.toString(), ACCOUNT);
            for (BrokerSecurity security : List.of(BrokerSecurity.NONE, tls, access)) {
                BrokerProcess broker = BolideBrokerProcess.start(brokers, options.bolideJar(), security);
                setups.add(broker.name(), broker);
            }
            return setups.run(options, "Security", List.of(
                    new SideBySideRounds.Ratio(tls.name() + " / plain", 1, 0),
                    new SideBySideRounds.Ratio("ACL / plain", 2, 0)));
        } finally {
            certificate.delete();
            ScratchDirectory.deleteTree(scratch);
        }
    }
}

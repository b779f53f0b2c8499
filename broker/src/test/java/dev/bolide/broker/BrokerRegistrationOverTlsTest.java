package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.ClientTlsConfig;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.remoting.ServerRequestHandler;
import dev.bolide.remoting.TlsMode;
import dev.bolide.testsupport.NoThreadLeaks;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker registering with another broker's name server that enforces TLS: as in RocketMQ's
 * BrokerStartup, a broker enforcing TLS itself registers over TLS ({@code tls.enable} defaults to it),
 * and a plain broker does with {@code tls.enable = true}.
 */
@ExtendWith(NoThreadLeaks.class)
class BrokerRegistrationOverTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static SelfSignedCertificate certificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = new SelfSignedCertificate("bolide-broker");
    }

    @AfterAll
    static void deleteCertificate() {
        certificate.delete();
    }

    private BrokerSettings.Builder enforcing(String name) {
        return LoopbackBroker.settings(dir, name).set(Settings.TLS_SERVER_MODE, TlsMode.ENFORCING)
                .set(Settings.TLS_SERVER_CERT_PATH, certificate.certificate().toPath())
                .set(Settings.TLS_SERVER_KEY_PATH, certificate.privateKey().toPath());
    }

    private static BrokerSettings.Builder registeredWith(BrokerSettings.Builder settings, BolideBroker nameServer) {
        return settings.set(Settings.NAMESRV_LISTEN_PORT, BrokerSettings.NO_EMBEDDED_NAME_SERVER)
                .set(Settings.NAMESRV_ADDR, List.of("127.0.0.1:" + nameServer.nameServerPort()));
    }

    /** The route of TBW102, asked over TLS. */
    private static String route(BolideBroker nameServer) throws Exception {
        try (RemotingClient client = new RemotingClient(ServerRequestHandler.IGNORE,
                ClientTlsConfig.trusting(certificate.certificate().toPath()).load())) {
            RemotingCommand response = client.invoke("127.0.0.1:" + nameServer.nameServerPort(),
                    RequestCode.GET_ROUTEINFO_BY_TOPIC, Map.of("topic", "TBW102"), null, WAIT).get();
            return response.code() == ResponseCode.SUCCESS ? new String(response.body(), StandardCharsets.UTF_8)
                    : "code " + response.code();
        }
    }

    @Test
    void aBrokerEnforcingTlsRegistersOverTls() throws Exception {
        try (BolideBroker a = BolideBroker.start(enforcing("broker-a").build());
                BolideBroker b = BolideBroker.start(registeredWith(enforcing("broker-b"), a).build())) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(route(a))
                    .contains("\"brokerAddrs\":{\"0\":\"127.0.0.1:" + b.port() + "\"},\"brokerName\":\"broker-b\""));
        }
    }

    @Test
    void aPlainBrokerRegistersOverTlsWhenTlsEnableIsSet() throws Exception {
        try (BolideBroker a = BolideBroker.start(enforcing("broker-a").build());
                BolideBroker b = BolideBroker.start(registeredWith(LoopbackBroker.settings(dir, "broker-b"), a)
                        .set(Settings.TLS_ENABLE, true).build())) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(route(a)).contains("\"brokerName\":\"broker-b\""));
        }
    }
}

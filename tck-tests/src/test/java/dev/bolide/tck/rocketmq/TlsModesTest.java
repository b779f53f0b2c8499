package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.ClientTlsConfig;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.remoting.ServerRequestHandler;
import dev.bolide.testsupport.FreePorts;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls.server.mode = permissive} and Bolide's default, disabled, met by plain and TLS 4.9.8
 * clients; and {@code bin/mqnamesrv} with RocketMQ's {@code -Dtls.*} system properties.
 */
class TlsModesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;

    private static DefaultMQProducer producer(BrokerProcess broker, boolean tls) throws MQClientException {
        return broker.startProducer(settings -> {
            settings.setUseTLS(tls);
            settings.setSendMsgTimeout(10_000);
        });
    }

    private static SendStatus send(DefaultMQProducer producer, String body) throws Exception {
        try {
            return producer.send(new Message("Orders", body.getBytes(StandardCharsets.UTF_8))).getSendStatus();
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void permissiveServesPlainAndTlsClientsOnTheSamePorts() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("bolide-broker");
        try (BrokerProcess broker = BrokerProcess.start(dir, "tls.server.mode = permissive",
                "tls.server.certPath = " + certificate.certificate(),
                "tls.server.keyPath = " + certificate.privateKey())) {
            assertThat(broker.output()).contains(", TLS permissive, ");
            assertThat(send(producer(broker, true), "over-tls")).isEqualTo(SendStatus.SEND_OK);
            assertThat(send(producer(broker, false), "plain")).isEqualTo(SendStatus.SEND_OK);
        } finally {
            certificate.delete();
        }
    }

    @Test
    void byDefaultTlsIsDisabledPlainClientsAreServedAndTlsClientsFail() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir)) {
            assertThat(broker.output()).contains(", TLS disabled, ");
            assertThat(send(producer(broker, false), "plain")).isEqualTo(SendStatus.SEND_OK);
            DefaultMQProducer tls = producer(broker, true);
            // the 4.9.8 client finds no route: the name server closed its TLS handshake
            assertThatThrownBy(() -> send(tls, "over-tls")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(broker.nameServerAddress());
        }
    }

    @Test
    void mqnamesrvReadsTlsFromTheSystemPropertiesAsRocketMqsDoes() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("bolide-namesrv");
        int port = FreePorts.freePort();
        String address = "127.0.0.1:" + port;
        Path conf = Files.writeString(dir.resolve("namesrv.conf"), "listenPort = " + port + "\n");
        try (ScriptProcess nameServer = ScriptProcess.startWithJavaOptions(dir, "namesrv", "mqnamesrv",
                "-Dtls.server.mode=enforcing -Dtls.server.certPath=" + certificate.certificate()
                        + " -Dtls.server.keyPath=" + certificate.privateKey(), "-c", conf.toString()).awaitStarted();
                RemotingClient tls = new RemotingClient(ServerRequestHandler.IGNORE,
                        ClientTlsConfig.trusting(certificate.certificate().toPath()).load());
                RemotingClient plain = new RemotingClient()) {
            assertThat(tls.invoke(address, RequestCode.GET_BROKER_CLUSTER_INFO, Map.of(), null, WAIT).get().code())
                    .isEqualTo(ResponseCode.SUCCESS);
            assertThatThrownBy(() -> plain.invoke(address, RequestCode.GET_BROKER_CLUSTER_INFO, Map.of(), null, WAIT)
                    .get()).isInstanceOf(ExecutionException.class);
        } finally {
            certificate.delete();
        }
    }
}

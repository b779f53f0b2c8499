package dev.bolide.ra.inbound;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.PooledBootstrapContext;
import dev.bolide.ra.outbound.BolideManagedConnectionFactory;
import dev.bolide.remoting.TlsMode;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adapter in REMOTE mode whose broker enforces TLS: with the adapter's {@code useTLS} and
 * {@code tlsTrustCertPath}, its activations receive over TLS, and its connection factories, which
 * set no TLS of their own, send over TLS; one that sets {@code useTLS = false} is refused.
 */
class TlsDeliveryTest {
    @TempDir
    static Path dir;
    private static SelfSignedCertificate certificate;
    private static LoopbackBroker broker;
    private static PooledBootstrapContext server;
    private static BolideResourceAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        certificate = new SelfSignedCertificate("bolide-broker");
        broker = LoopbackBroker.builder(dir, "broker-a").set(Settings.TLS_SERVER_MODE, TlsMode.ENFORCING)
                .set(Settings.TLS_SERVER_CERT_PATH, certificate.certificate().toPath())
                .set(Settings.TLS_SERVER_KEY_PATH, certificate.privateKey().toPath()).start();
        server = new PooledBootstrapContext();
        adapter = new BolideResourceAdapter();
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr(broker.nameServer());
        adapter.setUseTLS(true);
        adapter.setTlsTrustCertPath(certificate.certificate().toString());
        adapter.start(server);
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.stop();
        server.close();
        broker.close();
        certificate.delete();
    }

    @Test
    void anActivationReceivesWhatAConnectionFactoryOfTheAdapterSendsOverTls() throws Exception {
        BolideActivationSpec spec = new BolideActivationSpec();
        spec.setDestination("SecretOrders");
        RecordingEndpointFactory endpoint = RecordingEndpointFactory.accepting();
        adapter.endpointActivation(endpoint, spec);
        try {
            BolideManagedConnectionFactory managed = new BolideManagedConnectionFactory();
            managed.setResourceAdapter(adapter);
            try (JMSContext context = ((ConnectionFactory) managed.createConnectionFactory()).createContext()) {
                context.createProducer().send(context.createQueue("SecretOrders"), "order over TLS");
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.accepted().contains("order over TLS"));
        } finally {
            adapter.endpointDeactivation(endpoint, spec);
        }
    }

    @Test
    void aConnectionFactorySettingUseTlsFalseIsRefusedByTheBroker() throws Exception {
        BolideManagedConnectionFactory plain = new BolideManagedConnectionFactory();
        plain.setResourceAdapter(adapter);
        plain.setUseTLS(false);

        try (JMSContext context = ((ConnectionFactory) plain.createConnectionFactory()).createContext()) {
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue("SecretOrders"), "plain"))
                    .isInstanceOf(JMSRuntimeException.class);
        }
    }
}

package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker with {@code tls.server.mode = enforcing} and the unchanged rocketmq-client 4.9.8: with
 * {@code useTLS} (what {@code -Dtls.enable=true} sets) it sends, consumes and is checked back; a
 * plain client's connections are closed, on the broker port and on the name server's.
 */
class TlsEnforcingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    private static SelfSignedCertificate certificate;
    private static BrokerProcess broker;
    private final List<DefaultMQProducer> producers = new CopyOnWriteArrayList<>();
    private final List<DefaultMQPushConsumer> consumers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        certificate = new SelfSignedCertificate("bolide-broker");
        broker = BrokerProcess.start(dir, "tls.server.mode = enforcing",
                "tls.server.certPath = " + certificate.certificate(), "tls.server.keyPath = " + certificate.privateKey(),
                "transactionTimeout = 1000", "transactionCheckInterval = 1000");
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        broker.close();
        certificate.delete();
    }

    @AfterEach
    void stopClients() {
        producers.forEach(DefaultMQProducer::shutdown);
        consumers.forEach(DefaultMQPushConsumer::shutdown);
    }

    private DefaultMQProducer producer(boolean tls) throws MQClientException {
        DefaultMQProducer producer = broker.startProducer(settings -> {
            settings.setUseTLS(tls);
            settings.setSendMsgTimeout(10_000);
        });
        producers.add(producer);
        return producer;
    }

    @Test
    void aTlsClientSendsAndConsumes() throws Exception {
        DefaultMQProducer producer = producer(true);

        assertThat(producer.send(new Message("SecretOrders", "over-tls".getBytes(StandardCharsets.UTF_8)))
                .getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        consumers.add(broker.startConsumer("SecretReaders", "SecretOrders", received, c -> c.setUseTLS(true)));
        await("consumed over TLS").atMost(WAIT).until(() -> received.containsKey("over-tls"));
    }

    @Test
    void theVipChannelEnforcesTlsToo() throws Exception {
        DefaultMQProducer producer = broker.startProducer(settings -> {
            settings.setUseTLS(true);
            settings.setVipChannelEnabled(true);
            settings.setSendMsgTimeout(10_000);
        });
        producers.add(producer);

        assertThat(producer.send(new Message("VipOrders", "vip".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
        assertThat(answerToAPlainRequest(broker.brokerPort() - 2)).doesNotContain("\"code\"");
    }

    @Test
    void aPlainClientsConnectionsAreClosedUnanswered() throws Exception {
        int nameServerPort = Integer.parseInt(broker.nameServerAddress().substring("127.0.0.1:".length()));

        assertThat(answerToAPlainRequest(broker.brokerPort())).doesNotContain("\"code\"");
        assertThat(answerToAPlainRequest(nameServerPort)).doesNotContain("\"code\"");
        DefaultMQProducer plain = producer(false);
        // the 4.9.8 client finds no route: its request to the name server is never answered
        assertThatThrownBy(() -> plain.send(new Message("SecretOrders", "plain".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(broker.nameServerAddress());
    }

    /** Writes a plain request as the 4.9 client encodes it; returns all the server sent until it closed. */
    private static String answerToAPlainRequest(int port) throws Exception {
        ByteBuffer frame = RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null).encode();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout((int) WAIT.toMillis()); // a read that times out fails the test: not closed
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theJmsClientWithTlsSendsAndReceivesAndWithoutItIsRefused() throws Exception {
        BolideConnectionFactory factory = new BolideConnectionFactory(broker.nameServerAddress());
        factory.setUseTLS(true);
        factory.setTlsTrustCertPath(certificate.certificate().toString());
        factory.setRequestTimeout(10_000);
        try (JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue("SecretQueue");
            JMSConsumer consumer = context.createConsumer(queue);
            context.createProducer().send(queue, "jms-over-tls");

            assertThat(consumer.receiveBody(String.class, WAIT.toMillis())).isEqualTo("jms-over-tls");
        }

        BolideConnectionFactory plain = new BolideConnectionFactory(broker.nameServerAddress());
        try (JMSContext context = plain.createContext()) {
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue("SecretQueue"), "plain"))
                    .isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void anUndecidedTransactionIsCheckedBackOverTls() throws Exception {
        List<String> checked = new CopyOnWriteArrayList<>();
        TransactionMQProducer producer = new TransactionMQProducer("TX-tls");
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("TX-tls-" + System.nanoTime());
        producer.setUseTLS(true);
        producer.setSendMsgTimeout(10_000);
        producer.setHeartbeatBrokerInterval(1000);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checked.add(new String(message.getBody(), StandardCharsets.UTF_8));
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        producers.add(producer);

        assertThat(producer.sendMessageInTransaction(new Message("SecretPayments",
                "undecided".getBytes(StandardCharsets.UTF_8)), null).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        consumers.add(broker.startConsumer("PaymentReaders", "SecretPayments", received, c -> c.setUseTLS(true)));
        await("checked back and committed").atMost(WAIT).until(() -> received.containsKey("undecided"));
        assertThat(checked).contains("undecided");
    }
}

package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bolide JMS client and the unchanged RocketMQ 4.9.8 client on the same topics: each reads what
 * the other wrote, tags and user properties included (the mapping table of
 * {@code dev.bolide.client.jms.mapping.RocketMqMapping}).
 */
class JmsInteroperabilityTest {
    @TempDir
    static Path dir;
    private static BrokerProcess broker;
    private DefaultMQProducer nativeProducer;
    private DefaultMQPushConsumer nativeConsumer;
    private Connection connection;
    private Session session;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = BrokerProcess.start(dir, "enablePropertyFilter = true");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void connect() throws Exception {
        nativeProducer = broker.startProducer();
        connection = new BolideConnectionFactory(broker.nameServerAddress()).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void disconnect() throws Exception {
        if (nativeConsumer != null) {
            nativeConsumer.shutdown();
        }
        nativeProducer.shutdown();
        connection.close();
    }

    @Test
    void aNativeMessageIsReceivedAsABytesMessageWithItsTagAndProperties() throws Exception {
        MessageConsumer consumer = session.createConsumer(session.createQueue("interop-native-bytes"));
        org.apache.rocketmq.common.message.Message sent = new org.apache.rocketmq.common.message.Message(
                "interop-native-bytes", "TagA", new byte[] {1, 2, 3});
        sent.putUserProperty("color", "red");
        nativeProducer.send(sent);

        Message received = consumer.receive(10_000);

        assertThat(received).isInstanceOf(BytesMessage.class);
        assertThat(received.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(received.getJMSType()).isEqualTo("TagA");
        assertThat(received.getStringProperty("color")).isEqualTo("red");
    }

    @Test
    void aNativeMessageMarkedAsTextIsReceivedAsATextMessage() throws Exception {
        MessageConsumer consumer = session.createConsumer(session.createQueue("interop-native-text"));
        org.apache.rocketmq.common.message.Message sent = new org.apache.rocketmq.common.message.Message(
                "interop-native-text", "héllo".getBytes(StandardCharsets.UTF_8));
        sent.putUserProperty("BOLIDE_JMS_BODY", "TEXT");
        nativeProducer.send(sent);

        Message received = consumer.receive(10_000);

        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo("héllo");
    }

    @Test
    void aJmsMessageIsConsumedByAPushConsumerWithItsTagAndProperties() throws Exception {
        MessageProducer producer = session.createProducer(session.createQueue("interop-jms-text"));
        TextMessage sent = session.createTextMessage("from jms");
        sent.setJMSType("TagB");
        sent.setStringProperty("color", "blue");
        sent.setIntProperty("size", 3);
        producer.send(sent);
        List<MessageExt> received = startNativeConsumer("interop-jms-text", "TagB", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());

        MessageExt message = received.get(0);
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("from jms");
        assertThat(message.getTags()).isEqualTo("TagB");
        assertThat(message.getUserProperty("color")).isEqualTo("blue");
        assertThat(message.getUserProperty("size")).isEqualTo("3");
    }

    @Test
    void aNativeSqlSelectorSeesTheNumericPropertiesOfJmsMessages() throws Exception {
        MessageProducer producer = session.createProducer(session.createTopic("interop-jms-sql"));
        for (int size = 1; size <= 4; size++) {
            TextMessage message = session.createTextMessage("size " + size);
            message.setIntProperty("size", size);
            producer.send(message);
        }
        List<MessageExt> received = startNativeConsumer("interop-jms-sql", null, "size > 2");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);

        assertThat(received).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("size 3", "size 4");
    }

    /** A push consumer from the first offset, by tag expression, or by SQL92 when {@code sql} is set. */
    private List<MessageExt> startNativeConsumer(String topic, String tags, String sql) throws Exception {
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        nativeConsumer = new DefaultMQPushConsumer("native-" + topic);
        nativeConsumer.setNamesrvAddr(broker.nameServerAddress());
        nativeConsumer.setInstanceName("native-" + System.nanoTime());
        // the JMS sends came first and created the topic: a consumer that started before would
        // wait for its next rebalance (20 s) to take the new topic's queues
        nativeConsumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        if (sql != null) {
            nativeConsumer.subscribe(topic, MessageSelector.bySql(sql));
        } else {
            nativeConsumer.subscribe(topic, tags);
        }
        nativeConsumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        nativeConsumer.start();
        return received;
    }
}

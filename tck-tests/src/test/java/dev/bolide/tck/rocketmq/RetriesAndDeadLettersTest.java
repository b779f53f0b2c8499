package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListener;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retries of a 4.9.8 push consumer: RECONSUME_LATER (CONSUMER_SEND_MSG_BACK, the retry topic, the
 * dead-letter queue, then Bolide's re-send of the dead letter) and an orderly consumer's local
 * retries. Every delay level is 1 s here, so that the growing retry delays take seconds.
 */
class RetriesAndDeadLettersTest {
    private static final String LEVELS = "1s ".repeat(18).trim();
    /** Bolide's RESEND_DEAD_LETTER request code. */
    private static final int RESEND_DEAD_LETTER = 9001;

    private static Path dir;
    private static BrokerProcess broker;
    private static DefaultMQProducer producer;
    private static final List<DefaultMQPushConsumer> consumers = new CopyOnWriteArrayList<>();

    /** One delivery as the listener saw it. */
    private record Delivery(String topic, String body, int reconsumeTimes, String keys) {
        static Delivery of(MessageExt message) {
            return new Delivery(message.getTopic(), new String(message.getBody(), StandardCharsets.UTF_8),
                    message.getReconsumeTimes(), message.getKeys());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("bolide-retry");
        broker = BrokerProcess.start(dir, "messageDelayLevel = " + LEVELS);
        producer = broker.startProducer();
    }

    @AfterAll
    static void stop() throws Exception {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
        broker.close();
    }

    private static void startConsumer(String group, String topic, int maxReconsumeTimes, MessageListener listener)
            throws Exception {
        producer.send(new Message(topic, "T", "create".getBytes(StandardCharsets.UTF_8)));
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
        consumer.setSuspendCurrentQueueTimeMillis(200);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        consumer.start();
        consumers.add(consumer);
    }

    private static List<Delivery> of(List<Delivery> deliveries, String body) {
        return deliveries.stream().filter(d -> d.body().equals(body)).toList();
    }

    @SuppressWarnings("deprecation")
    private static MessageExt deadLetter(String group, String key) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> producer.queryMessage("%DLQ%" + group, key, 32, 0, System.currentTimeMillis() + 1000)
                        .getMessageList(), list -> list.size() == 1).get(0);
    }

    @Test
    void aMessageConsumedLaterComesBackWithGrowingCountsThenIsADeadLetterThatCanBeResent() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        AtomicBoolean accept = new AtomicBoolean();
        startConsumer("CG-later", "Work", 3, (MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> deliveries.add(Delivery.of(m)));
            boolean job = messages.stream().anyMatch(m -> m.getKeys() != null);
            return job && !accept.get() ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                    : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !of(deliveries, "create").isEmpty());

        producer.send(new Message("Work", "TagJ", "order-42", "job".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> of(deliveries, "job").size() == 4);
        assertThat(of(deliveries, "job")).containsExactly(new Delivery("Work", "job", 0, "order-42"),
                new Delivery("Work", "job", 1, "order-42"), new Delivery("Work", "job", 2, "order-42"),
                new Delivery("Work", "job", 3, "order-42"));
        MessageExt dead = deadLetter("CG-later", "order-42");
        assertThat(dead.getTopic()).isEqualTo("%DLQ%CG-later");
        assertThat(dead.getReconsumeTimes()).isEqualTo(4);
        assertThat(dead.getProperty("RETRY_TOPIC")).isEqualTo("Work");
        assertThat(dead.getProperty("ORIGIN_MESSAGE_ID")).isNotBlank();
        assertThat(dead.getTags()).isEqualTo("TagJ");

        accept.set(true);
        assertThat(resend(dead.getCommitLogOffset()).getCode()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> of(deliveries, "job").size() == 5);
        assertThat(of(deliveries, "job").get(4)).isEqualTo(new Delivery("Work", "job", 0, "order-42"));
    }

    private static RemotingCommand resend(long commitLogOffset) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(RESEND_DEAD_LETTER, null);
            request.addExtField("offset", Long.toString(commitLogOffset));
            return client.invokeSync("127.0.0.1:" + broker.brokerPort(), request, 5_000);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void anOrderlyConsumerRetriesInPlaceThenGivesUpToTheDeadLetterQueue() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        startConsumer("CG-orderly", "Sequence", 2, (MessageListenerOrderly) (messages, context) -> {
            messages.forEach(m -> deliveries.add(Delivery.of(m)));
            return messages.stream().anyMatch(m -> "b".equals(m.getKeys()))
                    ? ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT : ConsumeOrderlyStatus.SUCCESS;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !of(deliveries, "create").isEmpty());

        for (String key : List.of("a", "b", "c")) {
            producer.send(new Message("Sequence", "T", key, key.getBytes(StandardCharsets.UTF_8)),
                    (queues, message, arg) -> queues.get(0), null);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !of(deliveries, "c").isEmpty());
        assertThat(deliveries.stream().filter(d -> !d.body().equals("create")).toList()).containsExactly(
                new Delivery("Sequence", "a", 0, "a"), new Delivery("Sequence", "b", 0, "b"),
                new Delivery("Sequence", "b", 1, "b"), new Delivery("Sequence", "b", 2, "b"),
                new Delivery("Sequence", "c", 0, "c"));
        MessageExt dead = deadLetter("CG-orderly", "b");
        assertThat(dead.getProperty("RETRY_TOPIC")).isEqualTo("Sequence");
        assertThat(dead.getReconsumeTimes()).isEqualTo(2);
    }
}

package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.rocketmq.BrokerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A store holding the {@link SampleWorkload}, written by one broker and opened by another (Bolide's
 * broker jar on a store Apache RocketMQ or an earlier Bolide wrote, or Apache RocketMQ on Bolide's):
 * every message is read back by queue offset, by key, by offset message id and by unique id with its
 * content intact, and topics, subscription groups and consumer offsets are what the writing broker
 * answered before it stopped. A subclass writes the store, starts the other broker on it and calls
 * {@link #opened} from its {@code @BeforeAll}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StoreOpenedContract {
    private static final long TIMEOUT_MILLIS = 5_000;

    private String nameServerAddress;
    private String brokerAddress;
    private AutoCloseable broker;
    private List<SentMessage> sent;
    private BrokerMetadata before;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;

    /** Bolide's broker jar, started on the store. */
    protected void opened(BrokerProcess bolide, List<SentMessage> sent, BrokerMetadata before)
            throws MQClientException {
        opened(bolide.nameServerAddress(), "127.0.0.1:" + bolide.brokerPort(), bolide, sent, before);
    }

    /**
     * @param broker what stops the broker that opened the store, after the class
     * @param sent   the messages the store holds
     * @param before what the writing broker answered about its metadata before it stopped
     */
    protected void opened(String nameServerAddress, String brokerAddress, AutoCloseable broker,
            List<SentMessage> sent, BrokerMetadata before) throws MQClientException {
        // an empty manifest would make every comparison below pass
        assertThat(sent).as("messages the store holds").hasSizeGreaterThan(SampleWorkload.BATCH);
        this.nameServerAddress = nameServerAddress;
        this.brokerAddress = brokerAddress;
        this.broker = broker;
        this.sent = sent;
        this.before = before;
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(nameServerAddress);
        admin.setInstanceName("opened-" + System.nanoTime());
        admin.start();
        producer = new DefaultMQProducer("PG");
        producer.setNamesrvAddr(nameServerAddress);
        producer.setInstanceName("producer-" + System.nanoTime());
        producer.start();
    }

    @AfterAll
    void closeTheBroker() throws Exception {
        if (producer != null) {
            producer.shutdown();
            admin.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
    }

    protected DefaultMQAdminExt admin() {
        return admin;
    }

    protected List<SentMessage> sent() {
        return sent;
    }

    protected String brokerAddress() {
        return brokerAddress;
    }

    @Test
    void everyMessageIsReadAtItsQueueOffset() throws Exception {
        List<SeenMessage> read = new ArrayList<>();
        for (String topic : sent.stream().map(m -> m.content().topic()).distinct().toList()) {
            read.addAll(pullAll(topic));
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(expected());
    }

    private List<SeenMessage> expected() {
        return sent.stream().map(SeenMessage::sent).toList();
    }

    private List<SeenMessage> pullAll(String topic) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("CG-readback");
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setInstanceName("readback-" + System.nanoTime());
        consumer.start();
        try {
            List<SeenMessage> read = new ArrayList<>();
            for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(topic)) {
                long end = consumer.maxOffset(queue);
                for (long offset = consumer.minOffset(queue); offset < end; ) {
                    PullResult pulled = consumer.pull(queue, "*", offset, 32);
                    assertThat(pulled.getPullStatus()).as("pull %s at %d", queue, offset).isEqualTo(PullStatus.FOUND);
                    pulled.getMsgFoundList().forEach(m -> read.add(SeenMessage.read(m)));
                    offset = pulled.getNextBeginOffset();
                }
            }
            return read;
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void everyMessageIsFoundByItsOwnKey() throws Exception {
        List<SeenMessage> found = new ArrayList<>();
        for (SentMessage message : sent) {
            String key = SampleMessage.uniqueKey(message.content().topic(), message.content().index());
            admin.queryMessage(message.content().topic(), key, 32, 0, Long.MAX_VALUE).getMessageList()
                    .forEach(m -> found.add(SeenMessage.read(m)));
        }

        assertThat(found).containsExactlyElementsOf(expected());
    }

    @Test
    void aSharedKeyFindsEveryMessageCarryingIt() throws Exception {
        String key = SampleMessage.sharedKey(3);
        List<SeenMessage> carrying = sent.stream().filter(m -> m.content().topic().equals(SampleWorkload.ORDERS))
                .filter(m -> m.content().keys().contains(key)).map(SeenMessage::sent).toList();

        List<MessageExt> found = admin.queryMessage(SampleWorkload.ORDERS, key, 64, 0, Long.MAX_VALUE)
                .getMessageList();

        assertThat(found).extracting(SeenMessage::read).containsExactlyInAnyOrderElementsOf(carrying);
    }

    /**
     * The broker's address in an offset message id is where the message was written; the CommitLog
     * offset in it must still lead to the message, whichever address the broker has now.
     */
    @Test
    void everyMessageIsViewedByTheCommitLogOffsetInItsOffsetMessageId() throws Exception {
        List<SeenMessage> viewed = new ArrayList<>();
        for (SentMessage message : sent) {
            viewed.add(SeenMessage.read(producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl()
                    .viewMessage(brokerAddress(), message.commitLogOffset(), TIMEOUT_MILLIS)));
        }

        assertThat(viewed).containsExactlyElementsOf(expected());
    }

    @Test
    void everyMessageIsFoundByItsUniqueId() throws Exception {
        List<SeenMessage> found = new ArrayList<>();
        for (SentMessage message : sent) {
            admin.queryMessageByUniqKey(message.content().topic(), message.uniqueId(), 32, 0, Long.MAX_VALUE)
                    .getMessageList().forEach(m -> found.add(SeenMessage.read(m)));
        }

        assertThat(found).containsExactlyElementsOf(expected());
    }

    @Test
    void consumerOffsetsAreKept() throws Exception {
        BrokerMetadata after = BrokerMetadata.of(admin, brokerAddress(), before.offsets().keySet());

        assertThat(before.offsets().get(SampleWorkload.PAYMENTS_GROUP)).as("offsets before").hasSize(4);
        assertThat(after.offsets()).isEqualTo(before.offsets());
    }

    @Test
    void everyTopicIsKeptWithItsQueuesAndPermissions() throws Exception {
        BrokerMetadata after = BrokerMetadata.of(admin, brokerAddress(), List.of());

        assertThat(before.topics()).as("topics before").containsKeys(SampleWorkload.ORDERS, SampleWorkload.PAYMENTS,
                SampleWorkload.AUDIT, SampleWorkload.ARCHIVE);
        assertThat(onlyKeysOf(after.topics(), before.topics())).usingRecursiveComparison().isEqualTo(before.topics());
    }

    @Test
    void everySubscriptionGroupIsKeptWithItsSettings() throws Exception {
        BrokerMetadata after = BrokerMetadata.of(admin, brokerAddress(), List.of());

        assertThat(before.groups()).as("groups before").containsKeys(SampleWorkload.GROUPS.toArray(String[]::new));
        assertThat(onlyKeysOf(after.groups(), before.groups())).usingRecursiveComparison().isEqualTo(before.groups());
    }

    private static <V> Map<String, V> onlyKeysOf(Map<String, V> map, Map<String, V> keys) {
        Map<String, V> only = new TreeMap<>(map);
        only.keySet().retainAll(keys.keySet());
        return only;
    }

    /**
     * Last, because it changes the store: a new message goes after the old ones in its queue, and
     * the group that had consumed everything gets only the new one.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aGroupGoesOnWhereItStopped() throws Exception {
        SendResult result = producer.send(new Message(SampleWorkload.ORDERS, "after the move".getBytes(StandardCharsets.UTF_8)),
                (queues, message, arg) -> queues.stream().min(Comparator.comparingInt(MessageQueue::getQueueId))
                        .orElseThrow(), null);
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(SampleWorkload.ORDERS_GROUP);
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setInstanceName("goes-on-" + System.nanoTime());
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.subscribe(SampleWorkload.ORDERS, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
            // every queue pulled and committed to its end: a redelivery of an old message would be in by now
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> SampleWorkload.committedEverything(
                    BrokerMetadata.consumeStats(admin, brokerAddress(), SampleWorkload.ORDERS_GROUP)));
        } finally {
            consumer.shutdown();
        }

        assertThat(result.getQueueOffset())
                .isEqualTo(before.offsets().get(SampleWorkload.ORDERS_GROUP).get(SampleWorkload.ORDERS + "/0").brokerOffset());
        assertThat(received).containsExactly("after the move");
    }
}

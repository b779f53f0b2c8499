package dev.bolide.tck.ondisk;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * What the on-disk fixtures put in a store, through the real client and admin tools only, so that
 * the same store can be written by Apache RocketMQ and by Bolide:
 * <ul>
 * <li>{@value #ORDERS} (created by admin, 4 queues) and {@value #PAYMENTS} (created by its first
 * send) get {@code messagesPerTopic} messages each, spread over their queues; {@value #AUDIT}
 * (admin, 2 queues) gets one batch of {@value #BATCH}; {@value #ARCHIVE} (admin, read-only, 3
 * queues) stays empty;
 * <li>{@value #ORDERS_GROUP} consumes all of {@value #ORDERS} (push), {@value #PAYMENTS_GROUP}
 * the first {@value #PAYMENTS_CONSUMED} of each {@value #PAYMENTS} queue (pull), so both have
 * consumer offsets; {@value #ADMIN_GROUP} is created by admin with non-default settings.
 * </ul>
 */
final class SampleWorkload {
    static final String ORDERS = "Orders";
    static final String PAYMENTS = "Payments";
    static final String AUDIT = "Audit";
    static final String ARCHIVE = "Archive";
    static final String ORDERS_GROUP = "CG-orders";
    static final String PAYMENTS_GROUP = "CG-payments";
    static final String ADMIN_GROUP = "CG-admin";
    static final List<String> GROUPS = List.of(ORDERS_GROUP, PAYMENTS_GROUP, ADMIN_GROUP);
    static final int BATCH = 8;
    static final int PAYMENTS_CONSUMED = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final int messagesPerTopic;
    private final int bodyBytes;

    SampleWorkload(int messagesPerTopic, int bodyBytes) {
        this.messagesPerTopic = messagesPerTopic;
        this.bodyBytes = bodyBytes;
    }

    int bodyBytes() {
        return bodyBytes;
    }

    /** Writes the whole sample through the broker at {@code brokerAddress}; returns what was sent, in order. */
    List<SentMessage> writeTo(String nameServer, String brokerAddress, DefaultMQAdminExt admin) throws Exception {
        createTopics(admin, brokerAddress);
        admin.createAndUpdateSubscriptionGroupConfig(brokerAddress, adminGroup());
        List<SentMessage> sent = new ArrayList<>();
        DefaultMQProducer producer = new DefaultMQProducer("PG-sample");
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("sample-" + System.nanoTime());
        producer.start();
        try {
            sent.addAll(sendSpread(producer, ORDERS));
            sent.addAll(sendSpread(producer, PAYMENTS));
            sent.addAll(sendBatch(producer));
        } finally {
            producer.shutdown();
        }
        consumeOrders(nameServer, brokerAddress, admin);
        consumeFirstPayments(nameServer, brokerAddress, admin);
        return sent;
    }

    private static void createTopics(DefaultMQAdminExt admin, String brokerAddress) throws Exception {
        List<TopicConfig> topics = List.of(
                new TopicConfig(ORDERS, 4, 4, PermName.PERM_READ | PermName.PERM_WRITE),
                new TopicConfig(AUDIT, 2, 2, PermName.PERM_READ | PermName.PERM_WRITE),
                new TopicConfig(ARCHIVE, 3, 3, PermName.PERM_READ));
        for (TopicConfig topic : topics) {
            admin.createAndUpdateTopicConfig(brokerAddress, topic);
        }
        for (TopicConfig topic : topics) {
            await("route of " + topic.getTopicName()).atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !admin.examineTopicRouteInfo(topic.getTopicName()).getQueueDatas().isEmpty());
        }
    }

    private static SubscriptionGroupConfig adminGroup() {
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName(ADMIN_GROUP);
        group.setRetryMaxTimes(3);
        group.setRetryQueueNums(2);
        group.setConsumeBroadcastEnable(false);
        group.setConsumeFromMinEnable(false);
        return group;
    }

    /** Message {@code i} goes to queue {@code i % queues}, one send each. */
    private List<SentMessage> sendSpread(DefaultMQProducer producer, String topic) throws Exception {
        List<SentMessage> sent = new ArrayList<>();
        for (int i = 0; i < messagesPerTopic; i++) {
            SampleMessage content = SampleMessage.of(topic, i, bodyBytes);
            SendResult result = producer.send(content.toMessage(),
                    (queues, message, index) -> queues.get((Integer) index % queues.size()), i);
            sent.add(new SentMessage(content, result.getMessageQueue().getQueueId(), result.getQueueOffset(),
                    result.getMsgId(), result.getOffsetMsgId()));
        }
        return sent;
    }

    /** One batch to queue 1 of {@value #AUDIT}: its result lists the messages' ids joined by commas. */
    private List<SentMessage> sendBatch(DefaultMQProducer producer) throws Exception {
        List<SampleMessage> contents = new ArrayList<>();
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            contents.add(SampleMessage.of(AUDIT, i, bodyBytes));
            batch.add(contents.get(i).toMessage());
        }
        MessageQueue queue = producer.fetchPublishMessageQueues(AUDIT).stream()
                .filter(q -> q.getQueueId() == 1).findFirst().orElseThrow();
        SendResult result = producer.send(batch, queue);
        String[] uniqueIds = result.getMsgId().split(",");
        String[] offsetIds = result.getOffsetMsgId().split(",");
        List<SentMessage> sent = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            sent.add(new SentMessage(contents.get(i), 1, result.getQueueOffset() + i, uniqueIds[i], offsetIds[i]));
        }
        return sent;
    }

    private void consumeOrders(String nameServer, String brokerAddress, DefaultMQAdminExt admin) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(ORDERS_GROUP);
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName("sample-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(ORDERS, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.start();
        try {
            await("all of " + ORDERS + " consumed").atMost(PATIENCE).until(() -> received.size() == messagesPerTopic);
            // the consumer commits every 500 ms, one way: it stays until the broker has it all, as
            // the commit it sends on shutdown may be lost with the connection
            await(ORDERS_GROUP + " offsets at the end").atMost(PATIENCE).ignoreExceptions()
                    .until(() -> committedEverything(BrokerMetadata.consumeStats(admin, brokerAddress, ORDERS_GROUP)));
        } finally {
            consumer.shutdown();
        }
    }

    static boolean committedEverything(ConsumeStats stats) {
        return !stats.getOffsetTable().isEmpty() && stats.getOffsetTable().values().stream()
                .allMatch(q -> q.getConsumerOffset() == q.getBrokerOffset());
    }

    private static void consumeFirstPayments(String nameServer, String brokerAddress, DefaultMQAdminExt admin) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(PAYMENTS_GROUP);
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName("sample-" + System.nanoTime());
        consumer.start();
        try {
            for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(PAYMENTS)) {
                PullResult pulled = consumer.pull(queue, "*", 0, PAYMENTS_CONSUMED);
                consumer.getOffsetStore().updateConsumeOffsetToBroker(queue, pulled.getNextBeginOffset(), false);
            }
        } finally {
            consumer.shutdown();
        }
        await(PAYMENTS_GROUP + " offsets").atMost(PATIENCE).ignoreExceptions()
                .until(() -> BrokerMetadata.consumeStats(admin, brokerAddress, PAYMENTS_GROUP).getOffsetTable().values().stream()
                        .allMatch(q -> q.getConsumerOffset() == PAYMENTS_CONSUMED));
    }
}

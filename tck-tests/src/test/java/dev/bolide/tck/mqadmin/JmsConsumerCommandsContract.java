package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.jms.SendOrder;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.junit.jupiter.api.Test;

/**
 * mqadmin on the consumer groups of Bolide's JMS client, which an operator handles as any other:
 * a queue's group is {@code BOLIDE_Q_<queue>}. Run against Bolide and against Apache RocketMQ 4.9.7,
 * whose broker writes its requests to the client with fastjson and applies commits on 32 threads.
 */
public abstract class JmsConsumerCommandsContract extends MqAdminContract {
    private static final int SENT = 8;

    /**
     * A JMS queue consumer that has received and acknowledged {@link #SENT} messages, counting receipts.
     * They are sent over every queue of the topic ({@code sendOrder} SPREAD): the JMS reader commits an
     * offset only in a queue it received from, and the broker resets a group's offsets only when every
     * queue has one (else "consumer group not exist", as RocketMQ answers).
     */
    private Connection liveConsumer(String queueName, Map<String, AtomicInteger> receipts) throws Exception {
        createRoutedTopic(queueName);
        BolideConnectionFactory factory = new BolideConnectionFactory(target().nameServerAddress());
        factory.setSendOrder(SendOrder.SPREAD.name());
        Connection connection = factory.createConnection();
        Session listening = connection.createSession();
        Queue queue = listening.createQueue(queueName);
        listening.createConsumer(queue).setMessageListener(message -> receipts
                .computeIfAbsent(text(message), text -> new AtomicInteger()).incrementAndGet());
        connection.start();
        Session sending = connection.createSession();
        MessageProducer producer = sending.createProducer(queue);
        for (int i = 0; i < SENT; i++) {
            producer.send(sending.createTextMessage("m" + i));
        }
        await("each message received and its offset committed").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> receipts.size() == SENT && admin().examineConsumeStats(group(queueName), queueName)
                        .computeTotalDiff() == 0);
        return connection;
    }

    private static String group(String queueName) {
        return "BOLIDE_Q_" + queueName;
    }

    private static String freshQueueName(String prefix) {
        return prefix + System.nanoTime() % 1_000_000;
    }

    @Test
    void resetOffsetByTimeMakesALiveJmsConsumerReceiveEverythingAgain() throws Exception {
        String queueName = freshQueueName("JmsReset");
        long beforeSending = System.currentTimeMillis();
        Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
        try (Connection connection = liveConsumer(queueName, receipts)) {
            String output = mqadmin("resetOffsetByTime", "-g", group(queueName), "-t", queueName, "-s",
                    Long.toString(beforeSending));

            assertThat(output).contains("rollback consumer offset by specified group[" + group(queueName) + "]");
            await("every message received again").atMost(Duration.ofSeconds(60))
                    .until(() -> receipts.values().stream().allMatch(count -> count.get() >= 2));
            assertThat(receipts).hasSize(SENT);
        }
    }

    @Test
    void consumerStatusShowsALiveJmsConsumersSubscriptionAndQueues() throws Exception {
        String queueName = freshQueueName("JmsStatus");
        try (Connection connection = liveConsumer(queueName, new ConcurrentHashMap<>())) {
            String clientId = admin().examineConsumerConnectionInfo(group(queueName)).getConnectionSet().iterator()
                    .next().getClientId();

            String output = mqadmin("consumerStatus", "-g", group(queueName), "-i", clientId);

            assertThat(output).contains("#Consumer Subscription#", "#Consumer Offset#", queueName,
                    "PROP_CONSUME_TYPE", "CONSUME_ACTIVELY");
            ConsumerRunningInfo info = admin().getConsumerRunningInfo(group(queueName), clientId, false);
            assertThat(info.getSubscriptionSet()).anySatisfy(subscription ->
                    assertThat(subscription.getTopic()).isEqualTo(queueName));
            assertThat(info.getMqTable().entrySet()).filteredOn(entry -> entry.getKey().getTopic().equals(queueName))
                    .as("every queue of the topic, its offset committed past the messages received")
                    .hasSize(4).allSatisfy(entry -> assertThat(entry.getValue().getCommitOffset()).isPositive());
        }
    }

    @Test
    void consumeMessageDirectlyOnAJmsConsumerIsRefusedSayingWhy() throws Exception {
        String queueName = freshQueueName("JmsDirect");
        Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
        try (Connection connection = liveConsumer(queueName, receipts)) {
            String clientId = admin().examineConsumerConnectionInfo(group(queueName)).getConnectionSet().iterator()
                    .next().getClientId();
            String uniqueKey = sendOne(connection, queueName, "direct");
            await("the message received").atMost(Duration.ofSeconds(30)).until(() -> receipts.containsKey("direct"));

            String output = mqadmin("queryMsgByUniqueKey", "-i", uniqueKey, "-t", queueName, "-g", group(queueName),
                    "-d", clientId);

            assertThat(output).contains("Bolide's Jakarta Messaging client " + clientId
                    + " does not consume messages directly for group " + group(queueName),
                    "a message handed in by mqadmin could be neither", "mqadmin resetOffsetByTime")
                    .doesNotContain("not supported").doesNotContain("ConsumeMessageDirectlyResult");
            assertThatThrownBy(() -> admin().consumeMessageDirectly(group(queueName), clientId, queueName, uniqueKey))
                    .isInstanceOfSatisfying(MQClientException.class, e -> assertThat(e.getResponseCode())
                            .isEqualTo(ResponseCode.SYSTEM_ERROR))
                    .hasMessageContaining("does not consume messages directly");
            assertThat(receipts.get("direct")).as("not delivered again").hasValue(1);
        }
    }

    /** Sends a text message to the queue; returns its unique key, what mqadmin's {@code -i} takes. */
    private static String sendOne(Connection connection, String queueName, String text) throws JMSException {
        try (Session session = connection.createSession()) {
            TextMessage message = session.createTextMessage(text);
            session.createProducer(session.createQueue(queueName)).send(message);
            return message.getJMSMessageID().substring("ID:".length());
        }
    }

    private static String text(jakarta.jms.Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}

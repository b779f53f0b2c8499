package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.ReceivedMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * JMSXGroupID as RocketMQ's ordering key: one group's messages go to one queue of a four-queue topic
 * and reach each consumer in send order, with several groups sent interleaved. That each send path
 * (plain, transacted, XA) keeps a queue's groups in order is {@link SendPathContract}'s.
 */
class MessageGroupTest extends JmsTestBase {
    /** Their hashes pick three different queues out of four. */
    private static final List<String> GROUPS = List.of("A", "B", "C");
    private static final int PER_GROUP = 30;
    private static final long WAIT = 10_000;

    /** Sends PER_GROUP messages of each group, the groups interleaved: A-0, B-0, C-0, A-1, ... */
    private static void sendInterleaved(Session session, Destination destination) throws Exception {
        sendInterleaved(session, destination, null);
    }

    /** As {@link #sendInterleaved(Session, Destination)}, asynchronously when a listener is given. */
    private static void sendInterleaved(Session session, Destination destination, CompletionListener listener)
            throws Exception {
        try (MessageProducer producer = session.createProducer(destination)) {
            for (int i = 0; i < PER_GROUP; i++) {
                for (String group : GROUPS) {
                    TextMessage message = session.createTextMessage(group + "-" + i);
                    message.setStringProperty("JMSXGroupID", group);
                    if (listener == null) {
                        producer.send(message);
                    } else {
                        producer.send(message, listener);
                    }
                }
            }
        }
    }

    /** Receives every message sent, and lists the sequence numbers each group's arrived in. */
    private static Map<String, List<Integer>> receiveAll(MessageConsumer consumer) throws Exception {
        Map<String, List<Integer>> arrived = new LinkedHashMap<>();
        for (int n = 0; n < GROUPS.size() * PER_GROUP; n++) {
            Message message = consumer.receive(WAIT);
            assertThat(message).as("message %d within %d ms", n, WAIT).isNotNull();
            String[] text = ((TextMessage) message).getText().split("-");
            assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo(text[0]);
            arrived.computeIfAbsent(text[0], group -> new ArrayList<>()).add(Integer.parseInt(text[1]));
        }
        return arrived;
    }

    private static Map<String, List<Integer>> inSendOrder() {
        List<Integer> sequence = IntStream.range(0, PER_GROUP).boxed().toList();
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        GROUPS.forEach(group -> expected.put(group, sequence));
        return expected;
    }

    @Test
    void eachGroupGoesToTheQueueOfItsHashAsRocketMqOrdersByKey() throws Exception {
        Session session = connection().createSession();
        String topic = fresh("Grouped");

        sendInterleaved(session, session.createQueue(topic));

        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            // the broker indexes stored messages for consumers asynchronously: look until all are there
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertGroupsInTheirHashsQueue(client, topic));
        }
    }

    private static void assertGroupsInTheirHashsQueue(RocketMqClient client, String topic) {
        List<MessageQueue> queues = client.writeQueues(topic);
        int total = 0;
        for (MessageQueue queue : queues) {
            Set<String> groups = new HashSet<>();
            List<ReceivedMessage> messages = client.pull(PullRequest.of("inspector", queue, 0, 128, Duration.ZERO,
                    Subscription.all(topic))).messages();
            messages.forEach(message -> groups.add(message.property("JMSXGroupID")));
            total += messages.size();
            Set<String> hashedHere = new HashSet<>();
            GROUPS.stream().filter(group -> queues.get(Math.abs(group.hashCode() % queues.size())).equals(queue))
                    .forEach(hashedHere::add);
            assertThat(groups).as("the groups in queue %d", queue.queueId()).isEqualTo(hashedHere);
        }
        assertThat(total).isEqualTo(GROUPS.size() * PER_GROUP);
    }

    // the first sends to a topic wait for its route and connection: none of a group may overtake another
    @Test
    void asynchronousSendsKeepEachGroupInSendOrder() throws Exception {
        Session session = connection().createSession();
        Destination queue = session.createQueue(fresh("OrderedAsync"));
        CountDownLatch completed = new CountDownLatch(GROUPS.size() * PER_GROUP);

        sendInterleaved(session, queue, new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        });

        assertThat(completed.await(WAIT, TimeUnit.MILLISECONDS)).as("every send completed").isTrue();
        assertThat(receiveAll(session.createConsumer(queue))).isEqualTo(inSendOrder());
    }

    @Test
    void everyTopicSubscriberGetsEachGroupInSendOrder() throws Exception {
        Session session = connection().createSession();
        Session otherSession = connection().createSession();
        Destination topic = session.createTopic(fresh("OrderedTopic"));
        MessageConsumer first = session.createConsumer(topic);
        MessageConsumer second = otherSession.createConsumer(topic);

        sendInterleaved(session, topic);

        assertThat(receiveAll(first)).isEqualTo(inSendOrder());
        assertThat(receiveAll(second)).isEqualTo(inSendOrder());
    }
}

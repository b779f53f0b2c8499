package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clustering and broadcasting groups, and committed offsets across a broker restart. */
class ConsumerGroupsTest {
    @TempDir
    Path dir;
    private BrokerProcess broker;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private final List<DefaultMQProducer> producers = new ArrayList<>();

    @AfterEach
    void shutdown() throws Exception {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producers.forEach(DefaultMQProducer::shutdown);
        if (broker != null) {
            broker.close();
        }
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = broker.startProducer();
        producers.add(producer);
        return producer;
    }

    private Set<String> consume(String group, MessageModel model) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setMessageModel(model);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("Groups", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        return received;
    }

    private static void send(DefaultMQProducer producer, List<String> bodies) throws Exception {
        for (String body : bodies) {
            producer.send(new Message("Groups", "T", body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> bodies(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void twoClusteringConsumersSplitTheQueues() throws Exception {
        broker = BrokerProcess.start(dir);
        DefaultMQProducer producer = producer();
        send(producer, List.of("create"));
        Set<String> first = consume("CG-split", MessageModel.CLUSTERING);
        Set<String> second = consume("CG-split", MessageModel.CLUSTERING);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.contains("create") || second.contains("create"));
        await().atMost(Duration.ofSeconds(60)).until(() -> consumers.stream()
                .allMatch(c -> c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()
                        .stream().filter(queue -> queue.getTopic().equals("Groups")).count() == 2));

        List<String> sent = bodies("m", 40);
        send(producer, sent);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Set<String> all = ConcurrentHashMap.newKeySet();
            all.addAll(first);
            all.addAll(second);
            return all.containsAll(sent);
        });
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
    }

    @Test
    void broadcastingConsumersEachReceiveEverything() throws Exception {
        broker = BrokerProcess.start(dir);
        DefaultMQProducer producer = producer();
        List<String> sent = bodies("b", 10);
        send(producer, sent);

        Set<String> first = consume("CG-broadcast", MessageModel.BROADCASTING);
        Set<String> second = consume("CG-broadcast", MessageModel.BROADCASTING);

        await().atMost(Duration.ofSeconds(60)).until(() -> first.containsAll(sent) && second.containsAll(sent));
    }

    @Test
    void committedOffsetsSurviveABrokerRestart() throws Exception {
        broker = BrokerProcess.start(dir);
        send(producer(), bodies("before", 5));
        Set<String> beforeRestart = consume("CG-restart", MessageModel.CLUSTERING);
        await().atMost(Duration.ofSeconds(60)).until(() -> beforeRestart.containsAll(bodies("before", 5)));
        consumers.remove(0).shutdown();
        producers.remove(0).shutdown();
        broker.close();

        broker = BrokerProcess.start(dir);
        send(producer(), List.of("after"));
        Set<String> afterRestart = consume("CG-restart", MessageModel.CLUSTERING);

        await().atMost(Duration.ofSeconds(60)).until(() -> afterRestart.contains("after"));
        assertThat(afterRestart).containsExactly("after");
    }
}

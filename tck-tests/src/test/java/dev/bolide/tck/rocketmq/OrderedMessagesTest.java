package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordered messages: a queue per key chosen by a selector, consumed with MessageListenerOrderly. */
class OrderedMessagesTest {
    @TempDir
    Path dir;

    @Test
    void eachKeysMessagesArriveInTheOrderSent() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir)) {
            DefaultMQProducer producer = broker.startProducer();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("CG-ordered");
            try {
                MessageQueueSelector byKey = (queues, message, key) -> queues.get((Integer) key % queues.size());
                for (int step = 0; step < 10; step++) {
                    for (int order = 0; order < 3; order++) {
                        producer.send(new Message("Orders", "T", ("order" + order + "-step" + step)
                                .getBytes(StandardCharsets.UTF_8)), byKey, order);
                    }
                }
                Map<String, List<Integer>> steps = new ConcurrentHashMap<>();
                consumer.setNamesrvAddr(broker.nameServerAddress());
                consumer.setInstanceName("consumer-" + System.nanoTime());
                consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                consumer.subscribe("Orders", "*");
                consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
                    for (var message : messages) {
                        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("-step");
                        steps.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
                    }
                    return ConsumeOrderlyStatus.SUCCESS;
                });
                consumer.start();

                List<Integer> expected = IntStream.range(0, 10).boxed().toList();
                await().atMost(Duration.ofSeconds(60)).until(() -> steps.size() == 3
                        && steps.values().stream().allMatch(list -> list.size() >= 10));
                steps.values().forEach(list -> assertThat(list).containsExactlyElementsOf(expected));
            } finally {
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }
}

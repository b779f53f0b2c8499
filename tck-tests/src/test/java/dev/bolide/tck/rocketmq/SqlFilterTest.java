package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code MessageSelector.bySql}: SQL92 on user properties, with {@code enablePropertyFilter}. */
class SqlFilterTest {
    @TempDir
    Path dir;
    private BrokerProcess broker;
    private DefaultMQProducer producer;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();

    @AfterEach
    void shutdown() throws Exception {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        if (producer != null) {
            producer.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private DefaultMQPushConsumer consumer(String group, MessageSelector selector, Set<String> received)
            throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("Sql", selector);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumers.add(consumer);
        return consumer;
    }

    private void sendNumbered(int count) throws Exception {
        producer = broker.startProducer();
        for (int i = 0; i < count; i++) {
            Message message = new Message("Sql", i % 2 == 0 ? "even" : "odd", ("m" + i).getBytes(StandardCharsets.UTF_8));
            message.putUserProperty("a", Integer.toString(i));
            message.putUserProperty("color", i < 10 ? "red" : "blue");
            producer.send(message);
        }
    }

    @Test
    void aConsumerReceivesOnlyTheMessagesItsExpressionSelects() throws Exception {
        broker = BrokerProcess.start(dir, "enablePropertyFilter = true");
        sendNumbered(20);
        Set<String> received = ConcurrentHashMap.newKeySet();
        Set<String> everything = ConcurrentHashMap.newKeySet();
        consumer("CG-sql", MessageSelector.bySql("a BETWEEN 3 AND 12 AND color = 'red' AND TAGS = 'odd'"), received)
                .start();
        consumer("CG-all", MessageSelector.bySql("a IS NOT NULL"), everything).start();

        await().atMost(Duration.ofSeconds(60)).until(() -> everything.size() == 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 4);
        assertThat(received).containsExactlyInAnyOrder("m3", "m5", "m7", "m9");
    }

    @Test
    void anExpressionThatDoesNotCompileFailsTheConsumerStart() throws Exception {
        broker = BrokerProcess.start(dir, "enablePropertyFilter = true");
        sendNumbered(1);
        DefaultMQPushConsumer consumer = consumer("CG-bad", MessageSelector.bySql("a > 'text'"),
                ConcurrentHashMap.newKeySet());

        assertThatThrownBy(consumer::start).hasMessageContaining("a > 'text'");
        assertThat(producer.send(new Message("Sql", "after".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .as("the broker still serves").isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void withoutEnablePropertyFilterTheConsumerStartIsRefused() throws Exception {
        broker = BrokerProcess.start(dir);
        sendNumbered(1);
        DefaultMQPushConsumer consumer = consumer("CG-off", MessageSelector.bySql("a > 1"),
                ConcurrentHashMap.newKeySet());

        assertThatThrownBy(consumer::start).hasMessageContaining("SQL92");
    }
}

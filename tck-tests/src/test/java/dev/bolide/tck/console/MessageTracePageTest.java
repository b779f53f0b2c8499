package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A message's trace on its detail page in headless Chromium: a real rocketmq-client 4.9.8 producer
 * and push consumer with {@code enableMsgTrace} write their trace to RMQ_SYS_TRACE_TOPIC, and the
 * page shows the send and the consumption of that message, by their groups, and of no other.
 */
class MessageTracePageTest {
    private static final String TOPIC = "Traced";

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void theDetailPageShowsTheSendAndTheConsumptionTheClientsTraced() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("TracingProducers", true);
        producer.setNamesrvAddr(fixture.broker.nameServerAddress());
        producer.setInstanceName("tracing-" + System.nanoTime());
        ConsoleFixture.patient(producer);
        producer.start();
        fixture.closeLater(producer::shutdown);
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("TracingReaders", true);
        consumer.setNamesrvAddr(fixture.broker.nameServerAddress());
        consumer.setInstanceName("tracing-readers-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.put(new String(m.getBody(), StandardCharsets.UTF_8), List.of(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        fixture.closeLater(consumer::shutdown);

        SendResult traced = producer.send(new Message(TOPIC, "traced".getBytes(StandardCharsets.UTF_8)));
        producer.send(new Message(TOPIC, "other".getBytes(StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(90)).until(() -> received.containsKey("traced")
                && received.containsKey("other"));

        fixture.chromium.driver().get(fixture.console + "/messages?id=" + traced.getOffsetMsgId());
        fixture.chromium.driver().findElement(By.linkText(traced.getOffsetMsgId())).click();
        By trace = By.xpath("//table[caption[starts-with(., 'Trace')]]");
        // the clients send their traces in batches, now and then: the page is loaded again until all are in
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            fixture.chromium.driver().navigate().refresh();
            return fixture.chromium.driver().findElement(trace).getText().contains("consumed in");
        });

        String table = fixture.chromium.driver().findElement(trace).getText();
        assertThat(table).contains("3 events").contains("sent TracingProducers stored on ")
                .contains("delivered TracingReaders reconsume times 0")
                .contains("consumed TracingReaders consumed in ");
        fixture.chromium.screenshot("message-trace");
    }
}

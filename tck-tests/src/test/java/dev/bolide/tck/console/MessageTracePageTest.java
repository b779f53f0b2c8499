package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.rocketmq.BrokerProcess;
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
 * and push consumer with {@code enableMsgTrace} write their trace to RMQ_SYS_TRACE_TOPIC, or to the
 * trace topic the broker created at start ({@code traceTopicEnable}, {@code msgTraceTopicName}) when
 * the clients are given it as their customized trace topic, and the page shows the send and the
 * consumption of that message, by their groups, and of no other.
 */
class MessageTracePageTest {
    private static final String TRACE_TOPIC = "ShopTraces";

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture("traceTopicEnable = true",
            "msgTraceTopicName = " + TRACE_TOPIC);

    @Test
    void theDetailPageShowsTheSendAndTheConsumptionTheClientsTraced() throws Exception {
        String table = traceOnThePage("Traced", "Tracing", null);

        assertThat(table).contains("3 events").contains("sent TracingProducers stored on ")
                .contains("delivered TracingReaders reconsume times 0")
                .contains("consumed TracingReaders consumed in ");
        fixture.chromium.screenshot("message-trace");
    }

    @Test
    void theBrokerCreatesItsTraceTopicAndThePageReadsTracesWrittenThere() throws Exception {
        DefaultMQProducer producer = fixture.producer;
        // created at start as RocketMQ 4.9.7 does, with one queue (a topic created by a send gets 4)
        assertThat(producer.fetchPublishMessageQueues(TRACE_TOPIC)).hasSize(1);

        String table = traceOnThePage("CustomTraced", "CustomTracing", TRACE_TOPIC);

        assertThat(table).contains("Trace (RMQ_SYS_TRACE_TOPIC, " + TRACE_TOPIC + "), 3 events")
                .contains("sent CustomTracingProducers stored on ")
                .contains("consumed CustomTracingReaders consumed in ");
        fixture.chromium.screenshot("message-trace-custom-topic");
    }

    /**
     * Sends a traced message and another to {@code topic} through tracing clients of groups
     * {@code group}Producers and {@code group}Readers, which write their traces to {@code traceTopic}
     * (null: RMQ_SYS_TRACE_TOPIC), and returns the trace table of the first message's page once it
     * shows the consumption.
     */
    private static String traceOnThePage(String topic, String group, String traceTopic) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group + "Producers", true, traceTopic);
        producer.setNamesrvAddr(fixture.broker.nameServerAddress());
        producer.setInstanceName(group + "-" + System.nanoTime());
        ConsoleFixture.patient(producer);
        producer.start();
        fixture.closeLater(producer::shutdown);
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group + "Readers", true, traceTopic);
        consumer.setNamesrvAddr(fixture.broker.nameServerAddress());
        consumer.setInstanceName(group + "-readers-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        BrokerProcess.routesPolledEverySecond(consumer);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.put(new String(m.getBody(), StandardCharsets.UTF_8), List.of(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        fixture.closeLater(consumer::shutdown);

        SendResult traced = producer.send(new Message(topic, "traced".getBytes(StandardCharsets.UTF_8)));
        producer.send(new Message(topic, "other".getBytes(StandardCharsets.UTF_8)));
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
        return fixture.chromium.driver().findElement(trace).getText();
    }
}

package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client switched to the ROCKETMQ binary header ({@code rocketmq.serialize.type}), as its
 * benchmark tools do. The client reads the property once, when its classes load: this class runs
 * in a JVM of its own (surefire does not reuse forks in this module).
 */
class RocketMqSerializeTypeTest {
    static {
        System.setProperty("rocketmq.serialize.type", "ROCKETMQ");
    }

    @TempDir
    Path dir;

    @Test
    void sendAndConsumeWorkWithTheBinaryHeader() throws Exception {
        assertThat(RemotingCommand.createRequestCommand(0, null).getSerializeTypeCurrentRPC())
                .as("the client really uses the binary header").isEqualTo(SerializeType.ROCKETMQ);
        try (BrokerProcess broker = BrokerProcess.start(dir)) {
            DefaultMQProducer producer = broker.startProducer();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("CG-binary");
            try {
                assertThat(producer.send(new Message("Binary", "T", "binary".getBytes(StandardCharsets.UTF_8)))
                        .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                Set<String> received = ConcurrentHashMap.newKeySet();
                consumer.setNamesrvAddr(broker.nameServerAddress());
                consumer.setInstanceName("consumer-" + System.nanoTime());
                consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                consumer.subscribe("Binary", "*");
                consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                    messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                consumer.start();

                await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("binary"));
            } finally {
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }
}

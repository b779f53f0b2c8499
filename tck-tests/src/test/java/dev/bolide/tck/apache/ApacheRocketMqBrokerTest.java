package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.remoting.BolideRequestCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixture itself: the real RocketMQ client works against it, and it knows no Bolide extension. */
class ApacheRocketMqBrokerTest {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();

    @Test
    void aMessageSentByTheRocketMqClientIsConsumedBack() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("smoke-producer");
        producer.setNamesrvAddr(BROKER.nameServerAddress());
        producer.setInstanceName("smoke-" + System.nanoTime());
        producer.start();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("smoke-consumer");
        try {
            SendResult sent = producer.send(new Message("Smoke", "hello".getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            List<String> received = new CopyOnWriteArrayList<>();
            consumer.setNamesrvAddr(BROKER.nameServerAddress());
            consumer.setInstanceName("smoke-" + System.nanoTime());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe("Smoke", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            assertThat(received).containsExactly("hello");
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    /** The Bolide client falls back to standard requests when a broker answers this way. */
    @Test
    void aBolideExtensionRequestIsAnsweredRequestCodeNotSupported() throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            RemotingCommand response = client.invokeSync(BROKER.brokerAddress(),
                    RemotingCommand.createRequestCommand(BolideRequestCode.RESEND_DEAD_LETTER, null), 5_000);
            assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        } finally {
            client.shutdown();
        }
    }
}

package dev.bolide.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;

/**
 * Drains a topic's backlog with a push consumer of a new group (clustering, from the first
 * offset, the client's default threads and batch sizes; over TLS and signing as the broker's
 * {@link BrokerSecurity} asks) and times it from the consumer's start to the last message of the
 * backlog.
 */
final class ConsumeWorkload {
    private final String nameServerAddress;
    private final BrokerSecurity security;

    ConsumeWorkload(BrokerProcess broker) {
        this.nameServerAddress = broker.clientAddress();
        this.security = broker.security();
    }

    Measurement drain(String workload, String topic, long backlog, Duration timeout)
            throws MQClientException, InterruptedException {
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        DefaultMQPushConsumer consumer = SecuredClients.newPushConsumer(security, "bench-consumer-" + System.nanoTime());
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setInstanceName("bench-consumer-" + System.nanoTime());
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setVipChannelEnabled(false);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            if (received.addAndGet(messages.size()) >= backlog && lastArrival.compareAndSet(0, System.nanoTime())) {
                done.countDown();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long started = System.nanoTime();
        consumer.start();
        try {
            boolean complete = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = (complete ? lastArrival.get() : System.nanoTime()) - started;
            String problem = complete ? null : String.format(Locale.ROOT, "only %d of %d messages in %d s",
                    received.get(), backlog, timeout.toSeconds());
            return new Measurement(workload, Math.min(received.get(), backlog), 0, elapsed, null, problem);
        } finally {
            consumer.shutdown();
        }
    }
}

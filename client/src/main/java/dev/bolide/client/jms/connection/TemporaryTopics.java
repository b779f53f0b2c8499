package dev.bolide.client.jms.connection;

import dev.bolide.client.jms.session.JmsFailure;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The RocketMQ topics behind a connection's temporary queues and topics: created on the brokers a
 * new topic is routed to (as for auto-created topics) and deleted there when the destination is
 * deleted or the connection closes.
 */
final class TemporaryTopics {
    static final String PREFIX = "BOLIDE_TMP_";
    private static final int QUEUES = 4;

    private final RocketMqClient client;
    private final Duration timeout;
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    TemporaryTopics(RocketMqClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A new topic, ready to be consumed when this returns. */
    String create() throws JMSException {
        String topic = PREFIX + UUID.randomUUID().toString().replace("-", "");
        try {
            for (MessageQueue queue : onePerBroker(client.writeQueues(topic))) {
                expectSuccess(client.request(queue, RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", topic,
                        "readQueueNums", Integer.toString(QUEUES), "writeQueueNums", Integer.toString(QUEUES),
                        "perm", "6"), null).join().code(), "creating temporary topic " + topic);
            }
            awaitRoute(topic);
        } catch (RuntimeException e) {
            throw JmsFailure.of("cannot create temporary topic " + topic, e);
        }
        live.add(topic);
        return topic;
    }

    boolean owns(String topic) {
        return live.contains(topic);
    }

    void delete(String topic) throws JMSException {
        if (!live.remove(topic)) {
            return;
        }
        try {
            for (MessageQueue queue : onePerBroker(client.readQueues(topic))) {
                expectSuccess(client.request(queue, RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", topic), null)
                        .join().code(), "deleting temporary topic " + topic);
            }
        } catch (RuntimeException e) {
            throw JmsFailure.of("cannot delete temporary topic " + topic, e);
        }
    }

    void deleteAll() throws JMSException {
        for (String topic : List.copyOf(live)) {
            delete(topic);
        }
    }

    /** The name server learns of the topic from the broker's next registration. */
    private void awaitRoute(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                client.readQueues(topic);
                return;
            } catch (RocketMqException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketMqException("interrupted", e);
        }
    }

    private static List<MessageQueue> onePerBroker(List<MessageQueue> queues) {
        return List.copyOf(queues.stream().collect(Collectors.toMap(MessageQueue::brokerName, q -> q, (a, b) -> a))
                .values());
    }

    private static void expectSuccess(int code, String what) {
        if (code != ResponseCode.SUCCESS) {
            throw new RocketMqException(code, what + " refused with code " + code);
        }
    }
}

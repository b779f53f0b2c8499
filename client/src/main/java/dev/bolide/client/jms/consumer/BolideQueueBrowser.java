package dev.bolide.client.jms.consumer;

import dev.bolide.client.jms.mapping.ReceivedRecord;
import dev.bolide.client.jms.mapping.RocketMqMapping;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.PullResult;
import dev.bolide.client.rocketmq.ReceivedMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.selector.Selector;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A look at a queue without consuming: each enumeration pulls every queue of the topic from the
 * queue group's committed offset up to the end as the broker then sees it, without joining the group or
 * committing anything. Messages delivered to a consumer but not yet acknowledged are still shown.
 */
public final class BolideQueueBrowser implements QueueBrowser {
    private static final int BATCH = 32;

    private final RocketMqClient client;
    private final RocketMqMapping mapping;
    private final Queue queue;
    private final String topic;
    private final Selector selector;
    private volatile boolean closed;

    public BolideQueueBrowser(RocketMqClient client, RocketMqMapping mapping, Queue queue, String topic,
            Selector selector) {
        this.client = client;
        this.mapping = mapping;
        this.queue = queue;
        this.topic = topic;
        this.selector = selector;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector == null ? null : selector.expression();
    }

    @Override
    public Enumeration<?> getEnumeration() throws JMSException {
        checkOpen();
        List<Message> messages = new ArrayList<>();
        try {
            for (MessageQueue messageQueue : client.readQueues(topic)) {
                for (ReceivedMessage received : pending(messageQueue)) {
                    if (selected(received)) {
                        messages.add(mapping.toJms(ReceivedRecord.of(received)));
                    }
                }
            }
        } catch (RocketMqException e) {
            if (e.responseCode() != ResponseCode.TOPIC_NOT_EXIST) {
                JMSException failure = new JMSException("cannot browse " + topic + ": " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
        return Collections.enumeration(messages);
    }

    private boolean selected(ReceivedMessage message) {
        return (selector == null || selector.matches(message.properties(), message.bornTimestamp()))
                && !Delivery.expired(message, System.currentTimeMillis());
    }

    /** From the group's committed offset until the broker has nothing more (the end as the broker then sees it). */
    private List<ReceivedMessage> pending(MessageQueue messageQueue) {
        String group = GroupNames.queue(topic);
        long offset = Math.max(0, client.committedOffset(group, messageQueue));
        List<ReceivedMessage> found = new ArrayList<>();
        PullResult result;
        do {
            result = client.pull(PullRequest.of(group, messageQueue, offset, BATCH, Duration.ZERO,
                    Subscription.all(topic)));
            found.addAll(result.messages());
            offset = result.nextBeginOffset();
        } while (result.status() == PullResult.Status.FOUND);
        return found;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the browser is closed");
        }
    }
}

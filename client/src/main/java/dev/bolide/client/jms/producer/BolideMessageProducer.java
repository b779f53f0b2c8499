package dev.bolide.client.jms.producer;

import dev.bolide.client.jms.mapping.JmsPropertyKeys;
import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.client.rocketmq.UniqueMessageIds;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import dev.bolide.client.jms.session.JmsFailure;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A producer: sets the headers the specification gives it on the message (JMSDestination,
 * JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSExpiration, JMSDeliveryTime), maps it
 * and sends it through its session. An asynchronous send returns at once; its CompletionListener
 * runs on the session's completion thread, in send order.
 */
public final class BolideMessageProducer implements QueueSender, TopicPublisher {
    private final ProducerSession session;
    private final Destination destination;
    private final SendOptions options = new SendOptions();
    private volatile boolean closed;

    public BolideMessageProducer(ProducerSession session, Destination destination) {
        this.session = session;
        this.destination = destination;
    }

    /** The options to send with; a JMSProducer shares the same kind. */
    public SendOptions options() {
        return options;
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        options.disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return options.disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        options.disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return options.disableTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        checkOpen();
        options.setDeliveryMode(deliveryMode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return options.deliveryMode;
    }

    @Override
    public void setPriority(int defaultPriority) throws JMSException {
        checkOpen();
        options.setPriority(defaultPriority);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return options.priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        checkOpen();
        options.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return options.timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        checkOpen();
        options.setDeliveryDelay(deliveryDelay);
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return options.deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        return (Queue) getDestination();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return (Topic) getDestination();
    }

    @Override
    public void send(Message message) throws JMSException {
        sendTo(fixedDestination(), message, options.deliveryMode, options.priority, options.timeToLive, null);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendTo(fixedDestination(), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        sendTo(anonymousDestination(destination), message, options.deliveryMode, options.priority, options.timeToLive,
                null);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        sendTo(anonymousDestination(destination), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        sendTo(fixedDestination(), message, options.deliveryMode, options.priority, options.timeToLive,
                required(completionListener));
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive,
            CompletionListener completionListener) throws JMSException {
        sendTo(fixedDestination(), message, deliveryMode, priority, timeToLive, required(completionListener));
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener completionListener)
            throws JMSException {
        sendTo(anonymousDestination(destination), message, options.deliveryMode, options.priority, options.timeToLive,
                required(completionListener));
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
            CompletionListener completionListener) throws JMSException {
        sendTo(anonymousDestination(destination), message, deliveryMode, priority, timeToLive,
                required(completionListener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send((Destination) queue, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send(topic, message, deliveryMode, priority, timeToLive);
    }

    private void sendTo(Destination target, Message message, int deliveryMode, int priority, long timeToLive,
            CompletionListener listener) throws JMSException {
        if (message == null) {
            throw new jakarta.jms.MessageFormatException("no message to send");
        }
        SendOptions.checkDeliveryMode(deliveryMode);
        SendOptions.checkPriority(priority);
        CompletableFuture<SendResult> sent = session.send(stamp(target, message, deliveryMode, priority,
                timeToLive));
        if (listener != null) {
            session.whenSent(sent, message, listener);
        } else if (!session.sendOutcomeAtCommit()) {
            await(sent);
        }
    }

    /**
     * What a send of this producer, with its defaults, sends for {@code message} to {@code target}: the
     * headers set on the message, then mapped. A half message goes out so.
     */
    public OutgoingRecord stamp(Destination target, Message message) throws JMSException {
        if (message == null) {
            throw new jakarta.jms.MessageFormatException("no message to send");
        }
        if (target == null) {
            throw new InvalidDestinationException("no destination given");
        }
        return stamp(target, message, options.deliveryMode, options.priority, options.timeToLive);
    }

    private OutgoingRecord stamp(Destination target, Message message, int deliveryMode, int priority,
            long timeToLive) throws JMSException {
        setHeaders(target, message, deliveryMode, priority, timeToLive);
        OutgoingRecord mapped = session.mapping().toRocketMq(message);
        Map<String, String> properties = new HashMap<>(mapped.properties());
        properties.put(JmsPropertyKeys.CONNECTION_ID, session.connectionId());
        return new OutgoingRecord(mapped.topic(), properties, mapped.body(), mapped.flag(), mapped.bornTimestamp());
    }

    private void setHeaders(Destination target, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        long now = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(deliveryMode);
        message.setJMSPriority(priority);
        message.setJMSTimestamp(options.disableTimestamp ? 0 : now);
        message.setJMSExpiration(timeToLive > 0 ? now + timeToLive : 0);
        message.setJMSDeliveryTime(now + options.deliveryDelay);
        message.setJMSMessageID(options.disableMessageId ? null : "ID:" + UniqueMessageIds.next());
    }

    private static void await(CompletableFuture<SendResult> sent) throws JMSException {
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw JmsFailure.of("send failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while sending");
        }
    }

    private Destination fixedDestination() throws JMSException {
        checkOpen();
        if (destination == null) {
            throw new UnsupportedOperationException("this producer has no destination: name one on each send");
        }
        return destination;
    }

    private Destination anonymousDestination(Destination target) throws JMSException {
        checkOpen();
        if (destination != null) {
            throw new UnsupportedOperationException("this producer sends to " + destination
                    + " only: use a producer without a destination to name one per send");
        }
        if (target == null) {
            throw new InvalidDestinationException("no destination given");
        }
        return target;
    }

    private static CompletionListener required(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("completionListener must not be null");
        }
        return listener;
    }

    /** Waits for the callbacks of the session's asynchronous sends, then closes. */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (session.isCompletionThread()) {
            throw new IllegalStateException("a completion listener must not close its own producer");
        }
        session.awaitCompletions();
        closed = true;
        session.producerClosed(this);
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the producer is closed");
        }
        session.checkOpen();
    }
}

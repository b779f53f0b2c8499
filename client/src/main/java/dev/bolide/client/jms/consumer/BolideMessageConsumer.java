package dev.bolide.client.jms.consumer;

import dev.bolide.client.jms.mapping.JmsPropertyKeys;
import dev.bolide.protocol.selector.Selector;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A consumer: a buffer its group member fills ({@link DeliveryTarget}), read by {@code receive} or
 * by its session's delivery thread when a listener is set. The selector is applied here too, since
 * a queue's group is shared by consumers with different selectors, and a broker that does not filter
 * JMS selectors sends a topic subscription every message ({@link SelectorSupport}).
 */
public final class BolideMessageConsumer implements QueueReceiver, TopicSubscriber, DeliveryTarget {
    private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ConsumerSession session;
    private final GroupReader reader;
    private final Destination destination;
    private final Selector selector;
    private final boolean noLocal;
    private final String connectionId;
    private final LinkedBlockingDeque<Delivery> buffer = new LinkedBlockingDeque<>();
    private volatile MessageListener listener;
    private volatile boolean closed;

    /**
     * @param connectionId the id this connection's producers stamp on their messages, for noLocal
     */
    public BolideMessageConsumer(ConsumerSession session, GroupReader reader, Destination destination,
            Selector selector, boolean noLocal, String connectionId) {
        this.session = session;
        this.reader = reader;
        this.destination = destination;
        this.selector = selector;
        this.noLocal = noLocal;
        this.connectionId = connectionId;
    }

    public GroupReader reader() {
        return reader;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public Offer offer(Delivery delivery) {
        if (closed) {
            return Offer.REFUSED;
        }
        var message = delivery.message();
        if (noLocal && connectionId.equals(message.property(JmsPropertyKeys.CONNECTION_ID))) {
            delivery.acknowledge();
            return Offer.SKIPPED;
        }
        if (selector != null && !selector.matches(message.properties(), message.bornTimestamp())) {
            return dropFromSubscription(delivery);
        }
        buffer.add(delivery);
        session.messageArrived();
        return Offer.TAKEN;
    }

    /**
     * A topic subscription's consumers all have its selector, so a message this one does not select
     * is not the subscription's: acknowledged, it no longer holds the group's offset back. A queue's
     * message stays for the queue's other consumers.
     */
    private Offer dropFromSubscription(Delivery delivery) {
        if (destination instanceof Queue) {
            return Offer.REFUSED;
        }
        delivery.acknowledge();
        return Offer.SKIPPED;
    }

    @Override
    public int discard(Predicate<Delivery> lost) {
        int removed = 0;
        for (Delivery delivery : buffer) {
            // counted only when this call took it, not a receive that polled it meanwhile
            if (lost.test(delivery) && buffer.removeFirstOccurrence(delivery)) {
                removed++;
            }
        }
        return removed;
    }

    /** Puts a delivery back at the head, for a recover or a listener that failed. */
    public void pushBack(Delivery delivery) {
        if (closed) {
            reader.dispatch(delivery);
        } else {
            buffer.addFirst(delivery);
            session.messageArrived();
        }
    }

    /** Whether a delivery waits in the buffer (a connection consumer's, for its next server session). */
    public boolean hasBuffered() {
        return !closed && !buffer.isEmpty();
    }

    /** The next delivery for the session's delivery thread, or null. */
    public Delivery poll() {
        return closed ? null : buffer.poll();
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector == null ? null : selector.expression();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        this.listener = listener;
        session.listenerChanged(this);
    }

    public MessageListener listener() {
        return listener;
    }

    @Override
    public Message receive() throws JMSException {
        return receiveUntil(Long.MAX_VALUE);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receiveUntil(deadline(timeout));
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receiveUntil(System.nanoTime());
    }

    /**
     * {@code JMSConsumer.receiveBody}: the body of the next message as a {@code type}, null when none
     * came in time. A message whose body is not a {@code type} throws {@link MessageFormatException}
     * and, when the session acknowledges by itself, stays this consumer's next message as if the call
     * had not been made (Jakarta Messaging 3.1, {@code JMSConsumer.receiveBody}).
     *
     * @param timeout milliseconds; 0 waits for ever, as {@link #receive(long)}; negative: no wait
     */
    public <T> T receiveBody(Class<T> type, long timeout) throws JMSException {
        Message message = receiveUntil(timeout < 0 ? System.nanoTime() : deadline(timeout), type);
        return message == null ? null : message.getBody(type);
    }

    private static long deadline(long timeout) {
        return timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeout));
    }

    private Message receiveUntil(long deadlineNanos) throws JMSException {
        return receiveUntil(deadlineNanos, null);
    }

    /** @param bodyType the type receiveBody asks for, or null for a receive of any message */
    private Message receiveUntil(long deadlineNanos, Class<?> bodyType) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("receive is not allowed on a consumer with a message listener");
        }
        try {
            while (!closed && session.awaitStarted(deadlineNanos)) {
                long left = deadlineNanos == Long.MAX_VALUE ? POLL_SLICE_NANOS : deadlineNanos - System.nanoTime();
                Delivery delivery = buffer.poll(Math.max(0, Math.min(left, POLL_SLICE_NANOS)), TimeUnit.NANOSECONDS);
                if (delivery != null) {
                    Message message = session.deliver(delivery, this);
                    if (message != null) {
                        checkBody(message, bodyType, delivery);
                        session.received(delivery);
                        return message;
                    }
                } else if (left <= 0) {
                    return null;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void checkBody(Message message, Class<?> bodyType, Delivery delivery) throws JMSException {
        if (bodyType != null && !message.isBodyAssignableTo(bodyType)) {
            session.bodyRefused(delivery, this);
            throw new MessageFormatException("the body of message " + message.getJMSMessageID()
                    + " cannot be returned as " + bodyType.getName());
        }
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return (Topic) destination;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    /**
     * Stops receiving; what it had buffered goes back to the group's other consumers (or, when it was
     * the last, stays uncommitted for the group's next reader). A receive in progress returns null.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        List<Delivery> left = new ArrayList<>();
        buffer.drainTo(left);
        session.consumerClosed(this);
        if (reader.isOpen()) {
            left.forEach(reader::dispatch);
        }
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the consumer is closed");
        }
    }
}

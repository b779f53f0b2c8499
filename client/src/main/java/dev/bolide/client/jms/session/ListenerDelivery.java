package dev.bolide.client.jms.session;

import dev.bolide.client.jms.consumer.BolideMessageConsumer;
import dev.bolide.client.jms.consumer.Delivery;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Serial delivery to a session's message listeners, as Jakarta Messaging requires: one message at
 * a time, to the listeners of the session's consumers in turn. It runs on a {@link SerialExecutor}
 * only while messages wait, woken by their arrival, so a session with listeners and nothing to
 * deliver holds no thread.
 */
final class ListenerDelivery {
    /** Hands one delivery to a listener (the session's acknowledgement rules around the call). */
    @FunctionalInterface
    interface ListenerCall {
        void deliver(BolideMessageConsumer consumer, MessageListener listener, Delivery delivery);
    }

    private final List<BolideMessageConsumer> consumers;
    private final SerialExecutor executor;
    private final BooleanSupplier deliverable;
    private final ListenerCall call;
    private final ReentrantLock listenerLock = new ReentrantLock();
    /** Wake-ups since the delivery task last found nothing: a task is scheduled or running while above 0. */
    private final AtomicInteger wakeUps = new AtomicInteger();
    private volatile boolean listening;

    /**
     * @param consumers   the session's consumers, read at each round
     * @param deliverable whether delivery may go on now (the session open, the connection started)
     */
    ListenerDelivery(List<BolideMessageConsumer> consumers, SerialExecutor executor, BooleanSupplier deliverable,
            ListenerCall call) {
        this.consumers = consumers;
        this.executor = executor;
        this.deliverable = deliverable;
        this.call = call;
    }

    /** A consumer of the session has a listener now: delivery starts. */
    void listenerSet() {
        listening = true;
        wake();
    }

    /** Something may be deliverable: a message arrived or came back, or the connection started. */
    void wake() {
        if (listening && wakeUps.getAndIncrement() == 0) {
            executor.execute(this::deliverWhileAvailable);
        }
    }

    private void deliverWhileAvailable() {
        int seen;
        do {
            seen = wakeUps.get();
            while (deliverable.getAsBoolean() && deliverOneRound()) {
                // one more round: a listener may have sent or received, and others wait their turn
            }
        } while (!wakeUps.compareAndSet(seen, 0));
    }

    private boolean deliverOneRound() {
        boolean delivered = false;
        for (BolideMessageConsumer consumer : consumers) {
            MessageListener listener = consumer.listener();
            if (listener != null) {
                Delivery delivery = consumer.poll();
                if (delivery != null) {
                    delivered = true;
                    deliver(consumer, listener, delivery);
                }
            }
        }
        return delivered;
    }

    private void deliver(BolideMessageConsumer consumer, MessageListener listener, Delivery delivery) {
        listenerLock.lock();
        try {
            if (deliverable.getAsBoolean()) {
                call.deliver(consumer, listener, delivery);
            } else {
                consumer.pushBack(delivery);
            }
        } finally {
            listenerLock.unlock();
        }
    }

    /** Whether the calling thread is delivering to one of the session's listeners. */
    boolean isDeliveryThread() {
        return executor.isCurrentThread();
    }

    /** Returns once no listener of the session is running (for {@code Connection.stop}). */
    void awaitListenerIdle() {
        if (isDeliveryThread()) {
            return;
        }
        listenerLock.lock();
        listenerLock.unlock();
    }

    /** Returns once delivery has stopped for good: call after the session is closed. */
    void awaitEnd() {
        executor.awaitIdle();
    }
}

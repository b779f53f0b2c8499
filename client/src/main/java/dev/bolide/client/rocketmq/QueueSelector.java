package dev.bolide.client.rocketmq;

import java.util.List;

/**
 * Picks the queue a message goes to among the topic's writable queues (for ordered sends). A send
 * to a selected queue stays there when it fails, unless the selector {@linkplain #mayMove() may move}.
 */
@FunctionalInterface
public interface QueueSelector {
    MessageQueue select(List<MessageQueue> writableQueues);

    /**
     * Whether a send may go to another broker's queue when the selected one's broker is unreachable
     * or fails the send: not for an ordering key, whose messages must all be in its one queue.
     */
    default boolean mayMove() {
        return false;
    }

    /** A send went to {@code queue} instead of the selected one (only when it {@linkplain #mayMove() may move}). */
    default void moved(MessageQueue queue) {
    }

    /**
     * The queue of {@code key}'s hash, as RocketMQ's {@code SelectMessageQueueByHash} picks it: the
     * messages of one key go to one queue, in send order, and a native producer ordering by the same
     * key lands on the same queue.
     */
    static QueueSelector byHash(Object key) {
        int hash = key.hashCode();
        return queues -> queues.get(Math.abs(hash % queues.size()));
    }
}

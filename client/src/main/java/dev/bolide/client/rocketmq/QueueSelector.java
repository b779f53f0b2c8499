package dev.bolide.client.rocketmq;

import java.util.List;

/** Picks the queue a message goes to among the topic's writable queues (for ordered sends). */
@FunctionalInterface
public interface QueueSelector {
    MessageQueue select(List<MessageQueue> writableQueues);

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

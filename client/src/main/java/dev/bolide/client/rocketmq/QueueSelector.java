package dev.bolide.client.rocketmq;

import java.util.List;

/** Picks the queue a message goes to among the topic's writable queues (for ordered sends). */
@FunctionalInterface
public interface QueueSelector {
    MessageQueue select(List<MessageQueue> writableQueues);
}

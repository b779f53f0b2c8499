package dev.bolide.client.rocketmq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one sender's messages of each topic in one queue, so that they are stored, and read, in the
 * order they were sent: what a Jakarta Messaging session promises of its messages to a destination.
 * Unlike an ordering key's queue, it moves when its broker is unreachable or fails a send, and
 * stays where it moved. A sender's first send to a topic takes the topic's next queue in turn among
 * all sticky senders' first sends: the senders, not their messages, are spread over a topic's queues.
 */
public final class StickyQueues implements QueueSelector {
    private static final AtomicInteger TURN = new AtomicInteger();

    private final Map<String, MessageQueue> held = new ConcurrentHashMap<>();

    @Override
    public MessageQueue select(List<MessageQueue> writableQueues) {
        return held.compute(writableQueues.get(0).topic(), (topic, queue) -> queue != null
                && writableQueues.contains(queue) ? queue
                        : writableQueues.get(Math.floorMod(TURN.getAndIncrement(), writableQueues.size())));
    }

    @Override
    public boolean mayMove() {
        return true;
    }

    @Override
    public void moved(MessageQueue queue) {
        held.put(queue.topic(), queue);
    }
}

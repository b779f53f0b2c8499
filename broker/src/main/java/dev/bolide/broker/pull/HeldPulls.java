package dev.bolide.broker.pull;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.store.DispatchedMessage;
import io.netty.channel.Channel;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Long polling: pull requests that found nothing new wait here, per queue, until a message is
 * dispatched to their queue or their suspend time ends; then they are executed again (without
 * waiting a second time) and answered on their connection.
 *
 * <p>A message dispatched between a request's read and its hold wakes nobody, so every check also
 * answers the requests whose queue has grown past their offset, as RocketMQ's hold service does:
 * such a request waits at most one check interval, not its whole suspend time.
 */
public final class HeldPulls implements AutoCloseable {
    private static final long CHECK_INTERVAL_MILLIS = 200;

    /** A pull waiting for news, and when it must be answered anyway. */
    private record Held(Channel channel, RemotingCommand request, long offset, long deadlineMillis) {
    }

    private record QueueKey(String topic, int queueId) {
    }

    /** How far a queue has grown: the offset its next message will get. */
    @FunctionalInterface
    interface QueueEnd {
        long of(String topic, int queueId);
    }

    private final Map<QueueKey, Queue<Held>> byQueue = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bolide-held-pulls");
        thread.setDaemon(true);
        return thread;
    });
    private BiFunction<Channel, RemotingCommand, RemotingCommand> reexecute;
    private QueueEnd queueEnd;

    /**
     * @param reexecute runs a held request again without holding it, returning the answer (null
     *                  when it wrote the answer itself)
     * @param queueEnd  where each queue ends now
     */
    void start(BiFunction<Channel, RemotingCommand, RemotingCommand> reexecute, QueueEnd queueEnd) {
        this.reexecute = reexecute;
        this.queueEnd = queueEnd;
        executor.scheduleWithFixedDelay(this::answerDue, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    void hold(Channel channel, RemotingCommand request, String topic, int queueId, long offset, long suspendMillis) {
        byQueue.computeIfAbsent(new QueueKey(topic, queueId), k -> new ConcurrentLinkedQueue<>())
                .add(new Held(channel, request, offset, System.currentTimeMillis() + suspendMillis));
    }

    /** How many pulls are waiting now (broker runtime info). */
    public int size() {
        return byQueue.values().stream().mapToInt(Queue::size).sum();
    }

    /** The store's dispatch listener: wakes the pulls waiting on the message's queue. */
    public void dispatched(DispatchedMessage message) {
        Queue<Held> waiting = byQueue.get(new QueueKey(message.topic(), message.queueId()));
        if (waiting != null && !waiting.isEmpty()) {
            executor.execute(() -> answer(waiting, held -> held.offset <= message.queueOffset()));
        }
    }

    private void answerDue() {
        long now = System.currentTimeMillis();
        byQueue.forEach((key, waiting) -> {
            if (!waiting.isEmpty()) {
                long end = queueEnd.of(key.topic(), key.queueId());
                answer(waiting, held -> held.offset < end || held.deadlineMillis <= now || !held.channel.isActive());
            }
        });
    }

    private void answer(Queue<Held> waiting, Predicate<Held> due) {
        for (Iterator<Held> it = waiting.iterator(); it.hasNext(); ) {
            Held held = it.next();
            if (due.test(held)) {
                it.remove();
                if (held.channel.isActive()) {
                    RemotingCommand answer = reexecute.apply(held.channel, held.request);
                    if (answer != null) {
                        held.channel.writeAndFlush(answer);
                    }
                }
            }
        }
    }



    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

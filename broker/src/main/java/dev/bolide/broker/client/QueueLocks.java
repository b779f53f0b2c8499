package dev.bolide.broker.client;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which client of a consumer group holds each queue, for orderly consumption: a queue is granted
 * when it is free, its holder stopped renewing it for {@code lockMaxLiveTime}, or the requester
 * already holds it (which renews it).
 */
public final class QueueLocks {
    /** A queue as clients name it. */
    public record Queue(String topic, String brokerName, int queueId) {
    }

    private record Lock(String clientId, long renewedAt) {
    }

    private final Map<String, Map<Queue, Lock>> byGroup = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long lockMaxLiveMillis;

    public QueueLocks(Clock clock, long lockMaxLiveMillis) {
        this.clock = clock;
        this.lockMaxLiveMillis = lockMaxLiveMillis;
    }

    /** Locks or renews what can be; returns the queues the client holds among those asked for. */
    public synchronized List<Queue> lock(String group, String clientId, List<Queue> queues) {
        Map<Queue, Lock> locks = byGroup.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        long now = clock.millis();
        return queues.stream().filter(queue -> {
            Lock current = locks.get(queue);
            if (current == null || current.clientId().equals(clientId) || now - current.renewedAt() > lockMaxLiveMillis) {
                locks.put(queue, new Lock(clientId, now));
                return true;
            }
            return false;
        }).toList();
    }

    /** Releases the queues the client holds among those given. */
    public synchronized void unlock(String group, String clientId, List<Queue> queues) {
        Map<Queue, Lock> locks = byGroup.get(group);
        if (locks != null) {
            queues.forEach(queue -> locks.computeIfPresent(queue,
                    (q, lock) -> lock.clientId().equals(clientId) ? null : lock));
        }
    }
}

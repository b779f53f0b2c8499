package dev.bolide.store.commitlog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The next logical offset of every topic and queue. Only touched under the CommitLog's append lock
 * (and during recovery, before appends start), so it needs no synchronization of its own.
 */
final class QueueOffsetTable {
    private final Map<String, long[]> nextOffsets = new HashMap<>();

    /** Returns the next offset of the queue and advances it. */
    long assign(String topic, int queueId) {
        long[] offsets = offsets(topic, queueId);
        return offsets[queueId]++;
    }

    void set(String topic, int queueId, long nextOffset) {
        offsets(topic, queueId)[queueId] = nextOffset;
    }

    private long[] offsets(String topic, int queueId) {
        long[] offsets = nextOffsets.get(topic);
        if (offsets == null || offsets.length <= queueId) {
            offsets = offsets == null ? new long[queueId + 1] : Arrays.copyOf(offsets, queueId + 1);
            nextOffsets.put(topic, offsets);
        }
        return offsets;
    }
}

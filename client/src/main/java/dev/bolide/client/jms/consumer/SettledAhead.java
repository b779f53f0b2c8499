package dev.bolide.client.jms.consumer;

import java.util.Set;

/**
 * What a closed group member had settled in one queue beyond the offset it could commit: every
 * offset from {@code from} (the commit point, its lowest unacknowledged message) up to {@code to}
 * (the next it would have pulled) except the {@code pending} ones. The broker keeps one offset per
 * queue, so a message acknowledged above one still outstanding (a selective consumer took it) would
 * be delivered again by the group's next reader; that reader skips these instead.
 */
public record SettledAhead(long from, long to, Set<Long> pending) {
    public SettledAhead {
        pending = Set.copyOf(pending);
    }

    boolean contains(long offset) {
        return offset >= from && offset < to && !pending.contains(offset);
    }
}

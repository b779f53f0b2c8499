package dev.bolide.broker.timer;

import java.util.BitSet;

/**
 * The timers found delivered in the CommitLog although the timer has not taken them in yet:
 * another broker delivered them, the master this store was a slave of. The intake adds them to
 * the timer log as delivered, not pending. A bit per timer offset from where the intake starts,
 * so a million such timers take 125 KiB.
 */
final class DeliveredAhead {
    private final long start;
    private final BitSet delivered = new BitSet();

    /** @param start the timer offset the intake takes in next */
    DeliveredAhead(long start) {
        this.start = start;
    }

    /** Whether {@code timerOffset} is not taken in yet: its delivery belongs here, not in the timer log. */
    boolean covers(long timerOffset) {
        return timerOffset >= start && timerOffset - start < Integer.MAX_VALUE;
    }

    /** Returns whether it was not known yet: a copy of a delivery (a retry of it) names the same timer. */
    boolean add(long timerOffset) {
        int index = Math.toIntExact(timerOffset - start);
        boolean known = delivered.get(index);
        delivered.set(index);
        return !known;
    }

    boolean contains(long timerOffset) {
        return covers(timerOffset) && delivered.get(Math.toIntExact(timerOffset - start));
    }
}

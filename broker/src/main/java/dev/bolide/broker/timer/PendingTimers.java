package dev.bolide.broker.timer;

import dev.bolide.store.checkpoint.AbortMarker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The timers waiting for their time, all on disk: one {@link TimerLog} entry per timer, chained
 * into the {@link TimerWheel} slot of its due time. The heap holds a bit per wheel slot and a few
 * counters, however many timers wait.
 *
 * <p>Handing out due timers: a cursor moves over the wheel slot by slot, never past the slot of
 * the current time; the windows before it have been walked. Walking a slot goes down its chain,
 * hands out the pending entries whose time has come, unlinks the delivered ones and leaves the
 * rest: those due later in the slot's window and those of a later turn of the wheel (a timer
 * further ahead than the wheel spans). Every entry keeps its exact due time, so none is handed out
 * early, whatever the slot width. A timer already due when added goes into the cursor's slot.
 *
 * <p>Restart: the cursor starts one turn of the wheel behind the current time, so that the first
 * walk visits every occupied slot once and hands out what fell due while the broker was down.
 * After a crash (the abort marker is still there) or when the wheel file is new, the wheel is
 * rebuilt from the log: every intact pending entry is chained again into the slot of its time.
 *
 * <p>Retention: log segments wholly below the first pending entry are deleted, except the last
 * (its last entry tells where intake stopped). Chains run from newer to older positions, so a link
 * below the log's first position means the rest of that chain was delivered: it is cut there.
 *
 * <p>Not thread-safe: the timer thread owns it.
 */
final class PendingTimers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PendingTimers.class.getName());

    private final TimerLog log;
    private final TimerWheel wheel;
    private final AbortMarker abortMarker;
    private final boolean crashed;
    /** Window start of the slot being walked. */
    private long cursor;
    /** The earliest due time among the entries left in the cursor's slot by its last walk. */
    private long cursorSlotNextDue = Long.MAX_VALUE;
    /** No pending entry lies below this position. */
    private long firstPending;
    /** How many entries are pending: counted at open, then kept; read by other threads (metrics). */
    private volatile long pendingCount;

    private PendingTimers(TimerLog log, TimerWheel wheel, AbortMarker abortMarker, boolean crashed, long now) {
        this.log = log;
        this.wheel = wheel;
        this.abortMarker = abortMarker;
        this.crashed = crashed;
        this.cursor = oneTurnBefore(now);
        this.firstPending = log.firstPosition();
    }

    static PendingTimers open(Path directory, TimerSettings settings, long now) throws IOException {
        return open(directory, settings, TimerLog.DEFAULT_ENTRIES_PER_SEGMENT, now);
    }

    /** @param now the current time, epoch ms */
    static PendingTimers open(Path directory, TimerSettings settings, int entriesPerSegment, long now)
            throws IOException {
        AbortMarker abortMarker = new AbortMarker(directory);
        boolean crashed = abortMarker.isPresent();
        TimerLog log = TimerLog.open(directory.resolve("log"), entriesPerSegment);
        TimerWheel wheel = null;
        try {
            wheel = TimerWheel.open(directory.resolve("wheel"), settings.wheelSlots(), settings.timerPrecisionMs());
            PendingTimers pending = new PendingTimers(log, wheel, abortMarker, crashed, now);
            if (crashed || wheel.isFresh()) {
                pending.rebuildWheel(crashed ? System.Logger.Level.INFO : System.Logger.Level.DEBUG);
            } else {
                pending.pendingCount = pending.countPending();
            }
            abortMarker.create();
            return pending;
        } catch (IOException | RuntimeException e) {
            if (wheel != null) {
                wheel.close();
            }
            log.close();
            throw e;
        }
    }

    private void rebuildWheel(System.Logger.Level level) {
        wheel.clear();
        int linked = 0;
        for (long position = log.firstPosition(); position < log.end(); position += TimerLog.ENTRY_SIZE) {
            if (log.isValid(position) && log.isPending(position)) {
                int slot = wheel.slotOf(log.due(position));
                log.setPrevious(position, wheel.head(slot));
                wheel.setHead(slot, position);
                linked++;
            }
        }
        pendingCount = linked;
        LOG.log(level, "timer wheel rebuilt from the timer log: {0} pending timers", linked);
    }

    private long countPending() {
        long count = 0;
        for (long position = log.firstPosition(); position < log.end(); position += TimerLog.ENTRY_SIZE) {
            if (log.isValid(position) && log.isPending(position)) {
                count++;
            }
        }
        return count;
    }

    /** How many timers wait: added and not yet marked delivered. */
    long pendingCount() {
        return pendingCount;
    }

    /** Whether the last run ended without closing the timers: deliveries may lack their mark. */
    boolean recoveredFromCrash() {
        return crashed;
    }

    /** Adds a pending timer. */
    void add(long due, long timerOffset, long commitLogOffset, int size) {
        int slot = wheel.slotOf(Math.max(due, cursor));
        long position = log.append(due, timerOffset, commitLogOffset, size, wheel.head(slot));
        wheel.setHead(slot, position);
        pendingCount++;
        if (slot == wheel.slotOf(cursor)) {
            cursorSlotNextDue = Math.min(cursorSlotNextDue, due);
        }
    }

    /** Adds a timer whose delivery is in the CommitLog already: it only extends the log. */
    void addDelivered(long due, long timerOffset, long commitLogOffset, int size) {
        log.appendDelivered(due, timerOffset, commitLogOffset, size);
    }

    /**
     * Up to {@code max} pending timers due at {@code now} or earlier. They stay pending until
     * {@link #markDelivered}: handed out again if not.
     */
    List<DueTimer> takeDue(long now, int max) {
        // one turn of walks visits every slot: a cursor further behind would walk a slot twice
        cursor = Math.max(cursor, oneTurnBefore(now));
        List<DueTimer> due = new ArrayList<>();
        while (walkCursorSlot(now, max, due) && cursor < wheel.windowStart(now)) {
            cursor = nextCursor(now);
        }
        return due;
    }

    /** Walks the cursor's slot; false when it stopped because {@code due} is full. */
    private boolean walkCursorSlot(long now, int max, List<DueTimer> due) {
        int slot = wheel.slotOf(cursor);
        long floor = log.firstPosition();
        long kept = TimerLog.NONE;
        long nextDue = Long.MAX_VALUE;
        for (long link = wheel.head(slot); link != TimerLog.NONE; ) {
            if (link < floor) {
                relink(slot, kept, TimerLog.NONE);
                break;
            }
            long older = log.previous(link);
            if (!log.isPending(link)) {
                relink(slot, kept, older);
            } else if (log.due(link) > now) {
                nextDue = Math.min(nextDue, log.due(link));
                kept = link;
            } else if (due.size() < max) {
                due.add(new DueTimer(link, log.timerOffset(link), log.commitLogOffset(link), log.size(link),
                        log.due(link)));
                kept = link;
            } else {
                cursorSlotNextDue = now;
                return false;
            }
            link = older;
        }
        cursorSlotNextDue = nextDue;
        return true;
    }

    /** Makes {@code older} follow {@code kept} (or head the slot when nothing was kept before it). */
    private void relink(int slot, long kept, long older) {
        if (kept == TimerLog.NONE) {
            wheel.setHead(slot, older);
        } else {
            log.setPrevious(kept, older);
        }
    }

    /** The window start of the slot after {@code time}'s, one turn of the wheel earlier. */
    private long oneTurnBefore(long time) {
        return wheel.windowStart(time) - (long) (wheel.slots() - 1) * wheel.precision();
    }

    /** The next slot worth walking: the next occupied one, but not past the slot of {@code now}. */
    private long nextCursor(long now) {
        long current = wheel.windowStart(now);
        int distance = wheel.distanceToNextOccupied(wheel.slotOf(cursor));
        return distance < 0 ? current : Math.min(cursor + (long) distance * wheel.precision(), current);
    }

    /**
     * The earliest time at which {@link #takeDue} may find something: never later than the next due
     * timer, possibly earlier (the start of the next occupied slot, or a timer of a later turn of
     * the wheel). {@link Long#MAX_VALUE} when nothing is pending.
     */
    long nextDueTime() {
        long next = cursorSlotNextDue;
        int distance = wheel.distanceToNextOccupied(wheel.slotOf(cursor));
        if (distance > 0) {
            next = Math.min(next, cursor + (long) distance * wheel.precision());
        }
        return next;
    }

    void markDelivered(DueTimer timer) {
        if (log.isPending(timer.position())) {
            log.markDelivered(timer.position());
            pendingCount--;
        }
    }

    /**
     * Marks the entry of {@code timerOffset} delivered, looking for it at {@code position} first
     * (where the timer log that delivered it had it; another broker's log, that of the master
     * this store was a slave of, may have had it elsewhere); returns whether it was pending.
     */
    boolean markDelivered(long position, long timerOffset) {
        long at = holds(position, timerOffset) ? position : log.positionOf(timerOffset);
        if (at == TimerLog.NONE || !log.isPending(at)) {
            return false;
        }
        log.markDelivered(at);
        pendingCount--;
        return true;
    }

    private boolean holds(long position, long timerOffset) {
        return position >= log.firstPosition() && position < log.end() && position % TimerLog.ENTRY_SIZE == 0
                && log.isValid(position) && log.timerOffset(position) == timerOffset;
    }

    /** The queue offset after the last timer record added; -1 when the log holds none. */
    long nextTimerOffset() {
        long last = log.end() - TimerLog.ENTRY_SIZE;
        return last < log.firstPosition() ? -1 : log.timerOffset(last) + 1;
    }

    /**
     * Moves past up to {@code maxEntries} delivered entries at the start of the log and deletes the
     * log segments left without a pending entry.
     */
    void releaseDelivered(int maxEntries) {
        long end = log.end();
        for (int i = 0; i < maxEntries && firstPending < end && !log.isPending(firstPending); i++) {
            firstPending += TimerLog.ENTRY_SIZE;
        }
        log.deleteSegmentsBelow(firstPending);
    }

    /** Forces log and wheel and removes the abort marker: the next open trusts the wheel. */
    @Override
    public void close() throws IOException {
        log.force();
        wheel.force();
        abortMarker.remove();
        wheel.close();
        log.close();
    }
}

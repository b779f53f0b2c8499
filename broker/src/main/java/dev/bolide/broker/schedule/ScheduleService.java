package dev.bolide.broker.schedule;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.store.DispatchedMessage;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers delayed messages when they are due: one thread walks the schedule queue of every level
 * ({@link LevelQueue}) and sleeps until the earliest due time; a message newly parked for an
 * earlier time wakes it (the store tells it, and the ConsumeQueue unit carries the due time). The
 * delivered copy goes to the real topic and queue ({@link Delivery}).
 *
 * <p><b>Exactly once across crashes, kill -9 included.</b> Progress (per level, the next schedule
 * offset to deliver) lives in memory and is written to {@code config/delayOffset.json} now and
 * then, so after a crash the file may lag behind what was delivered. The CommitLog cannot lag:
 * <ol>
 * <li>Each delivered message carries a {@link DeliveryMark}: the CommitLog offset of the schedule
 * record it came from, whose queue id and queue offset give the level and position.</li>
 * <li>Deliveries of a level happen in queue order, one at a time, and only this thread appends
 * them; progress moves past a message only after its delivery was appended.</li>
 * <li>A progress snapshot is taken on this thread together with the CommitLog end at that moment.
 * Every delivery it does not count is appended later, so at or after that offset.</li>
 * <li>A snapshot is written only once the CommitLog is flushed up to its offset, so the deliveries
 * it counts survive even a machine crash. (The last snapshot, when the thread stops at a clean
 * close, is written at once: the store flushes right after.)</li>
 * <li>At start ({@link ProgressRecovery}) the CommitLog is walked from the snapshot's offset; each
 * mark found moves its level past the marked message. A delivery is therefore either counted by
 * the snapshot or found by the walk (never delivered twice), and an undelivered message is
 * counted by neither (never lost).</li>
 * </ol>
 * The walk covers what was appended since the last written snapshot: at most about
 * {@code flushDelayOffsetInterval} plus the CommitLog flush delay, nothing after a clean close.
 * Levels removed from {@code messageDelayLevel} are not delivered any more.
 */
public final class ScheduleService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ScheduleService.class.getName());
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1000;
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final MessageStore store;
    private final MetadataFile file;
    private final long persistEveryMillis;
    private final List<LevelQueue> levels = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** When the thread means to wake up; {@code Long.MAX_VALUE} while it is awake. */
    private volatile long plannedWake = Long.MAX_VALUE;
    /** Read by {@link #writtenProgress()} on other threads. */
    private volatile DelayProgress written;
    /** A snapshot waiting for the CommitLog to be flushed up to its offset. */
    private DelayProgress pending;
    private long nextPersist;

    private ScheduleService(MessageStore store, MetadataFile file, ScheduleSettings settings, DelayProgress written,
            DelayProgress recovered) {
        this.store = store;
        this.file = file;
        this.persistEveryMillis = settings.flushDelayOffsetInterval().toMillis();
        this.written = written;
        this.pending = recovered.nextOffsets().equals(written.nextOffsets()) ? null : recovered;
        DelayLevels delays = settings.messageDelayLevel();
        for (int level = 1; level <= delays.highest(); level++) {
            levels.add(new LevelQueue(store, delays, level, recovered.nextOffset(level)));
        }
        this.thread = new Thread(this::run, "bolide-schedule");
        thread.setDaemon(true);
    }

    /** Recovers progress from {@code configDir/delayOffset.json} and the CommitLog, and starts delivering. */
    public static ScheduleService start(MessageStore store, ScheduleSettings settings, Path configDir)
            throws IOException {
        MetadataFile file = new MetadataFile(configDir.resolve("delayOffset.json"));
        DelayProgress persisted = DelayProgress.load(file);
        DelayProgress recovered = ProgressRecovery.recover(store, persisted, settings.messageDelayLevel().highest());
        ScheduleService service = new ScheduleService(store, file, settings, persisted, recovered);
        store.addDispatchListener(service::dispatched);
        service.thread.start();
        return service;
    }

    /** Called on the store's dispatcher thread: wakes the schedule thread for a message due before it planned to. */
    private void dispatched(DispatchedMessage message) {
        if (message.tagsCode() < plannedWake && message.topic().equals(ScheduleTopic.NAME)) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        nextPersist = System.currentTimeMillis() + persistEveryMillis;
        while (running) {
            plannedWake = Long.MAX_VALUE;
            long wake;
            try {
                wake = deliverAndPersist(System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "delivering delayed messages failed; trying again", e);
                wake = System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MILLIS;
            }
            plannedWake = wake;
            // a message parked while awake has unparked this thread already: then this returns at once
            LockSupport.parkUntil(this, wake);
        }
        write(snapshot());
    }

    private long deliverAndPersist(long now) {
        long wake = Long.MAX_VALUE;
        for (LevelQueue level : levels) {
            wake = Math.min(wake, level.deliverDue(now));
        }
        if (now >= nextPersist) {
            persist();
            nextPersist = now + persistEveryMillis;
        }
        return Math.min(wake, nextPersist);
    }

    private void persist() {
        if (pending != null && store.commitLogFlushedOffset() >= pending.commitLogOffset()) {
            write(pending);
            pending = null;
        }
        DelayProgress current = snapshot();
        if (pending == null && !current.nextOffsets().equals(written.nextOffsets())) {
            pending = current;
        }
    }

    private DelayProgress snapshot() {
        Map<Integer, Long> next = new HashMap<>();
        levels.forEach(level -> next.put(level.level(), level.next()));
        return new DelayProgress(next, store.commitLogMaxOffset());
    }

    private void write(DelayProgress progress) {
        try {
            progress.store(file);
            written = progress;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write delay progress; the CommitLog still has it", e);
        }
    }

    /**
     * The progress last written to {@code delayOffset.json}, in that file's form: the body of
     * GET_ALL_DELAY_OFFSET, which a slave writes as its own file. A written snapshot only counts
     * deliveries the CommitLog holds, so a slave that has the CommitLog up to the snapshot's offset
     * and is made master recovers the rest from its CommitLog.
     */
    public String writtenProgress() {
        return written.serialize();
    }

    /**
     * Stops delivering; the thread writes the final progress as it ends. Call before the store
     * closes. A thread that does not end in time is left behind: its progress is found again in
     * the CommitLog at the next start.
     */
    /** Each delay level's backlog, level 1 first, read while delivery goes on. */
    public List<LevelBacklog> backlog() {
        return levels.stream().map(LevelQueue::backlog).toList();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "the schedule thread did not stop within {0} ms",
                    STOP_TIMEOUT_MILLIS);
        }
    }
}

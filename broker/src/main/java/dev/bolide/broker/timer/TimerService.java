package dev.bolide.broker.timer;

import dev.bolide.store.AppendResult;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The durable timer: delivers a message on its topic at an exact time, up to
 * {@code timerMaxDelaySec} ahead. RocketMQ producers ask for it with the RocketMQ 5 timer
 * properties ({@link TimerProperties}); the JMS client will ask for it for {@code deliveryDelay}
 * and {@code JMSDeliveryTime} through {@link #schedule}.
 *
 * <p>How a timer lives (files under {@code <storePathRootDir>/timer}):
 * <ol>
 * <li>It is stored in the CommitLog as a {@link TimerRecord} in topic {@value TimerRecord#TOPIC}:
 * once the store acknowledged it, it is as durable as any message.
 * <li>The timer thread takes it from that topic's queue into the {@link PendingTimers}: an entry
 * in the append-only timer log ({@code timer/log/}), chained into the slot of the time wheel
 * ({@code timer/wheel}) its due time falls into. Nothing of it stays on the heap.
 * <li>When due, its delivery (the message on its real topic, carrying a {@link DeliveryMarker}
 * naming the entry) is appended to the CommitLog; only then is the entry marked delivered.
 * </ol>
 *
 * <p>Exactly once across crashes, kill -9 included: the CommitLog is the truth, the timer files
 * only index it. Intake progress is not saved: it is the queue offset after the log's last entry,
 * and a crash between storing a timer record and taking it in only means taking it in at the next
 * start. A crash between appending deliveries and marking them is the one window where the files
 * would lie; the {@link DeliveryWindow} ({@code timer/delivering}) holds the CommitLog offset at
 * which the batch under way began, and at start {@link UnmarkedDeliveries} reads the records from
 * there and marks every timer whose marker it finds.
 *
 * <p>A slave runs no timer: its master delivers, and the deliveries reach the slave's CommitLog
 * with their markers. A slave promoted to master reads them before its timer starts (from where
 * the slave opened the window, {@link #yieldToMaster}, or from the first timer record when it
 * never had timer files), so that what the old master delivered is not delivered again. After a crash the wheel is rebuilt from the
 * log (see {@link PendingTimers}). A process crash loses none of these writes (they are in the page
 * cache); a power loss can lose marks not yet forced, which then means a second delivery (under
 * {@code SYNC_FLUSH}: at least once, never lost, as deliveries are flushed before they are marked).
 *
 * <p>Timers due while the broker was down are delivered at start. A timer record the store deleted
 * (retention) before it was due cannot be delivered: this is logged as an error.
 */
public final class TimerService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TimerService.class.getName());
    private static final String WINDOW_FILE = "delivering";

    private final MessageStore store;
    private final TimerSettings settings;
    private final Clock clock;
    private final PendingTimers pending;
    private final DeliveryWindow window;
    private final TimerLoop loop;

    private TimerService(MessageStore store, TimerSettings settings, Clock clock, PendingTimers pending,
            DeliveryWindow window, TimerIntake intake) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.pending = pending;
        this.window = window;
        this.loop = new TimerLoop(intake, new TimerDelivery(store, pending, window), pending, clock);
    }

    /**
     * Opens the timer files (repairing them after a crash) and starts the timer thread. Close the
     * service before the store.
     */
    public static TimerService start(MessageStore store, StoreConfig storeConfig, TimerSettings settings)
            throws IOException {
        warnIfRecordsMayExpireFirst(storeConfig, settings);
        Clock clock = Clock.systemUTC();
        Path directory = Files.createDirectories(directory(storeConfig));
        PendingTimers pending = PendingTimers.open(directory, settings, clock.millis());
        DeliveryWindow window = null;
        try {
            window = DeliveryWindow.open(directory.resolve(WINDOW_FILE));
            TimerIntake intake = new TimerIntake(store, pending);
            markUnknownDeliveries(store, storeConfig, pending, window, intake);
            TimerService service = new TimerService(store, settings, clock, pending, window, intake);
            store.addDispatchListener(message -> {
                if (message.topic().equals(TimerRecord.TOPIC)) {
                    service.loop.wakeUp();
                }
            });
            service.loop.start();
            return service;
        } catch (IOException | RuntimeException e) {
            if (window != null) {
                window.close();
            }
            pending.close();
            throw e;
        }
    }

    private static Path directory(StoreConfig storeConfig) {
        return storeConfig.storePathRootDir().resolve("timer");
    }

    private static void warnIfRecordsMayExpireFirst(StoreConfig storeConfig, TimerSettings settings) {
        if (storeConfig.fileReservedTime().toSeconds() < settings.timerMaxDelaySec()) {
            LOG.log(System.Logger.Level.WARNING, "fileReservedTime ({0} h) is shorter than timerMaxDelaySec ({1} s): "
                    + "a timer record may be deleted before it is due", storeConfig.fileReservedTime().toHours(),
                    settings.timerMaxDelaySec());
        }
    }

    /**
     * Reads the CommitLog where it may hold deliveries the timer files do not know of: from where
     * the {@link DeliveryWindow} was left open (a crash while delivering, or deliveries of the
     * master this store was a slave of), or from the first timer record when the timer log is new
     * (a slave promoted that never ran the timer; the timer directory deleted).
     */
    private static void markUnknownDeliveries(MessageStore store, StoreConfig storeConfig, PendingTimers pending,
            DeliveryWindow window, TimerIntake intake) {
        long since = window.openSince();
        long firstRecord = intake.firstRecordOfEmptyLog();
        if (firstRecord >= 0 && (since < 0 || firstRecord < since)) {
            since = firstRecord;
        }
        if (since < 0) {
            return;
        }
        int marked = UnmarkedDeliveries.mark(store, storeConfig.mappedFileSizeCommitLog(), since, pending,
                intake.deliveredAhead());
        window.end();
        LOG.log(System.Logger.Level.INFO, "timer: {0} deliveries the timer files did not know of were found in "
                + "the CommitLog from offset {1}; they are not delivered again", marked, since);
    }

    /**
     * On a slave, before it replicates: from the CommitLog's end on, its master delivers the
     * timers. Should this store run a timer later (the slave promoted), it reads those deliveries
     * from there instead of making them again. Nothing to do when the store has no timer files:
     * a new timer log reads from the first timer record.
     */
    public static void yieldToMaster(MessageStore store, StoreConfig storeConfig) throws IOException {
        Path windowFile = directory(storeConfig).resolve(WINDOW_FILE);
        if (Files.exists(windowFile)) {
            try (DeliveryWindow window = DeliveryWindow.open(windowFile)) {
                window.widen(store.commitLogMaxOffset());
            }
        }
    }

    /** How many timers wait for their time: taken in and not yet delivered. */
    public long pendingTimers() {
        return pending.pendingCount();
    }

    /**
     * When the next waiting timer is due, epoch ms: never later, and earlier by less than one slot
     * of the wheel ({@code timerPrecisionMs}) when only the slot is known yet. Empty when none waits.
     */
    public OptionalLong nextDue() {
        long next = loop.nextDue();
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /**
     * The delivery time a sent message's RocketMQ 5 timer properties ask for; empty for a message
     * to store as it is (no timer property, or a time already past). Drops a
     * {@link DeliveryMarker} a producer may have set: only the broker sets it.
     *
     * @throws IllegalArgumentException when a timer property is malformed
     */
    public OptionalLong requestedDeliveryTime(Map<String, String> properties) {
        properties.remove(DeliveryMarker.PROPERTY);
        return TimerProperties.requestedDeliveryTime(properties, clock.millis());
    }

    /**
     * The record to store instead of {@code message} so that it is delivered at
     * {@code deliverAtMillis}: the send path stores it like any message.
     *
     * @throws IllegalArgumentException when the time lies more than {@code timerMaxDelaySec} ahead
     */
    public MessageToStore timerRecord(MessageToStore message, long deliverAtMillis) {
        checkDeliveryTime(deliverAtMillis);
        return TimerRecord.of(message, deliverAtMillis);
    }

    /** @throws IllegalArgumentException when the time lies more than {@code timerMaxDelaySec} ahead */
    public void checkDeliveryTime(long deliverAtMillis) {
        long delay = deliverAtMillis - clock.millis();
        if (delay > settings.maxDelayMillis()) {
            throw new IllegalArgumentException("the delivery time of a timer message may lie at most timerMaxDelaySec = "
                    + settings.timerMaxDelaySec() + " s ahead; this one lies " + (delay + 999) / 1000 + " s ahead");
        }
    }

    /**
     * Stores {@code message} for delivery on its topic and queue at {@code deliverAtMillis} (epoch
     * ms; a time already past delivers at once). The future completes as an append of the timer
     * record does: once it is as durable as the store's flush mode promises.
     *
     * @throws IllegalArgumentException when the time lies more than {@code timerMaxDelaySec} ahead
     */
    public CompletableFuture<AppendResult> schedule(MessageToStore message, long deliverAtMillis) {
        return store.appendAsync(List.of(timerRecord(message, deliverAtMillis)));
    }

    /** Stops the timer thread and closes the timer files cleanly. */
    @Override
    public void close() throws IOException {
        loop.close();
        window.close();
        pending.close();
    }
}

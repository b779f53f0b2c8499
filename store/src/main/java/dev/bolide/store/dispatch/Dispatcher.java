package dev.bolide.store.dispatch;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.DispatchListener;
import dev.bolide.store.DispatchedMessage;
import dev.bolide.store.TagsCode;
import dev.bolide.store.commitlog.CommitLog;
import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.index.IndexPosition;
import dev.bolide.store.index.IndexService;
import dev.bolide.store.segment.MappedSegment;
import dev.bolide.store.worker.WorkerLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A single thread that reads each new CommitLog record once and writes its ConsumeQueue unit and
 * index entries. It reads up to a limit (the flushed offset under {@code SYNC_FLUSH}, so that a
 * consumer never sees a message a crash could take back) and is woken by appends.
 */
public final class Dispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    /**
     * Spinning before parking shortens the time to visibility when a core is free for it; with two
     * cores or fewer it only takes CPU from the threads producing the work (measured: a fifth of
     * the broker's samples were this spin under a send load on two cores).
     */
    private static final long IDLE_SPIN_NANOS = Runtime.getRuntime().availableProcessors() > 2 ? 20_000L : 0;
    private static final long IDLE_PARK_NANOS = 1_000_000L;
    /**
     * The longest park while another thread dispatches the appends ({@link #dispatchedByOthersWhile}):
     * this thread is then only the backstop for what that thread leaves, and each timed wake-up
     * costs a context switch (parking a millisecond at a time was 10 % of a SYNC_MASTER's samples).
     */
    private static final long BACKSTOP_PARK_NANOS = 10_000_000L;
    /**
     * After dispatching, the thread naps this long before looking again, unwoken: under a steady
     * stream one wake-up then covers the records of a few appends instead of one each (parking and
     * being woken per record cost the dispatcher more CPU than dispatching, and every append a
     * futex wake). A record appended while the dispatcher is idle still wakes it at once; one
     * appended during a nap waits at most this long (RocketMQ's ReputMessageService polls every
     * millisecond).
     */
    private static final long GATHER_NANOS = 200_000L;

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier limit;
    private final TagsCode tagsCodes;
    private final List<DispatchListener> listeners = new CopyOnWriteArrayList<>();
    private final MessageRecordView view = new MessageRecordView();
    private final WorkerLoop loop;
    /** Held by the thread dispatching: the dispatcher's own, or one in {@link #dispatchNow}. */
    private final ReentrantLock rounds = new ReentrantLock();
    private volatile long offset;
    private volatile DispatchProgress progress;
    /** Consecutive records mostly share their topic: its string is reused rather than decoded again. */
    private String lastTopic = "";
    private volatile BooleanSupplier dispatchedByOthers = () -> false;

    /**
     * @param index null when message indexing is disabled
     * @param limit the offset below which the CommitLog may be dispatched
     * @param tagsCodes what each ConsumeQueue unit carries in its tags-code slot
     */
    public Dispatcher(CommitLog commitLog, ConsumeQueueTable queues, IndexService index, long fromOffset,
            LongSupplier limit, TagsCode tagsCodes) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.limit = limit;
        this.tagsCodes = tagsCodes;
        this.offset = fromOffset;
        this.progress = new DispatchProgress(fromOffset, indexPosition());
        this.loop = new WorkerLoop("bolide-dispatcher", this::round, () -> limit.getAsLong() > offset,
                IDLE_SPIN_NANOS, () -> dispatchedByOthers.getAsBoolean() ? BACKSTOP_PARK_NANOS : IDLE_PARK_NANOS)
                .gatheringFor(GATHER_NANOS);
    }

    public void addListener(DispatchListener listener) {
        listeners.add(listener);
    }

    public void start() {
        loop.start();
    }

    /** Wakes the dispatcher after an append (or a flush that moved the limit). */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Wakes the dispatcher after an append, unless another thread dispatches appends now. */
    public void appended() {
        if (!dispatchedByOthers.getAsBoolean()) {
            loop.wakeUp();
        }
    }

    /**
     * While {@code condition} holds, another thread dispatches the appends soon through
     * {@link #dispatchNow} (a SYNC_MASTER's HA connections after each slave report, a slave's
     * after each report it sends): appends do not wake this thread, which only takes what that
     * one leaves, parked up to {@link #BACKSTOP_PARK_NANOS} at a time. Read at each append: must
     * be quick.
     */
    public void dispatchedByOthersWhile(BooleanSupplier condition) {
        this.dispatchedByOthers = condition;
    }

    /**
     * Dispatches what is available on the calling thread, unless the dispatcher's thread is at it
     * (its next round, a nap away, takes the rest): for a thread that appended and has nothing
     * else to do before its next append, such as a slave's HA connection between two reads, which
     * spares the dispatcher's thread a park and a wake-up per append.
     */
    public void dispatchNow() {
        if (rounds.tryLock()) {
            try {
                dispatchAvailable();
            } finally {
                rounds.unlock();
            }
        }
    }

    private boolean round() {
        rounds.lock();
        try {
            return dispatchAvailable() > 0;
        } finally {
            rounds.unlock();
        }
    }

    /** Offset below which every record has been dispatched. */
    public long dispatchedOffset() {
        return offset;
    }

    public DispatchProgress progress() {
        return progress;
    }

    /**
     * Dispatches every record available now, on the calling thread; only used while the
     * dispatcher thread is not running (start-up, shutdown).
     */
    public void catchUp() {
        while (dispatchAvailable() > 0) {
            // keep going until nothing is left
        }
    }

    /** Returns the number of records dispatched. */
    private int dispatchAvailable() {
        long end = limit.getAsLong();
        int dispatched = 0;
        while (offset < end) {
            MappedSegment segment = commitLog.acquire(offset);
            if (segment == null) {
                offset = skipToExistingData(offset);
                continue;
            }
            try {
                int before = dispatched;
                dispatched += dispatchSegment(segment, end);
                if (dispatched == before && offset < segment.endOffset()) {
                    break;
                }
            } finally {
                segment.release();
            }
        }
        if (dispatched > 0) {
            progress = new DispatchProgress(offset, indexPosition());
        }
        return dispatched;
    }

    private long skipToExistingData(long from) {
        long min = commitLog.minOffset();
        if (from >= min) {
            throw new IllegalStateException("no CommitLog segment at offset " + from);
        }
        LOG.log(System.Logger.Level.WARNING, "CommitLog data from {0} to {1} was deleted before dispatch", from, min);
        return min;
    }

    private int dispatchSegment(MappedSegment segment, long end) {
        int position = (int) (offset - segment.startOffset());
        int available = (int) Math.min(segment.writePosition(), end - segment.startOffset());
        int dispatched = 0;
        while (position < available) {
            int size = segment.buffer().getInt(position);
            if (segment.buffer().getInt(position + MessageRecordLayout.MAGIC) == MessageRecordLayout.BLANK_MAGIC_CODE) {
                offset = segment.endOffset();
                return dispatched;
            }
            dispatch(view.wrap(segment.buffer(), position), segment.startOffset() + position, size);
            position += size;
            offset = segment.startOffset() + position;
            dispatched++;
        }
        return dispatched;
    }

    private void dispatch(MessageRecordView record, long physicalOffset, int size) {
        String topic = record.topic(lastTopic);
        lastTopic = topic;
        String properties = record.properties();
        long tagsCode = tagsCodes.of(topic, record.queueId(), properties, record.storeTimestamp());
        int sysFlag = record.sysFlag();
        if (MessageSysFlag.isConsumable(sysFlag)) {
            queues.put(topic, record.queueId(), record.queueOffset(), physicalOffset, size, tagsCode);
        }
        if (index != null && MessageSysFlag.transactionType(sysFlag) != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            index.index(topic, indexKeys(properties), physicalOffset, record.storeTimestamp());
        }
        if (MessageSysFlag.isConsumable(sysFlag) && !listeners.isEmpty()) {
            DispatchedMessage message = new DispatchedMessage(topic, record.queueId(), record.queueOffset(),
                    physicalOffset, size, tagsCode, record.storeTimestamp(), properties);
            for (DispatchListener listener : listeners) {
                listener.dispatched(message);
            }
        }
    }

    private static List<String> indexKeys(String properties) {
        if (properties.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(2);
        String uniqueKey = MessageProperties.find(properties, PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID);
        if (uniqueKey != null) {
            keys.add(uniqueKey);
        }
        String businessKeys = MessageProperties.find(properties, PropertyKeys.KEYS);
        if (businessKeys != null) {
            for (String key : businessKeys.split(PropertyKeys.KEY_SEPARATOR)) {
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private IndexPosition indexPosition() {
        return index == null ? IndexPosition.NONE : index.position();
    }

    /** Stops the thread; records left over are dispatched by {@link #catchUp()}. */
    @Override
    public void close() {
        loop.close();
    }
}

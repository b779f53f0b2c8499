package dev.bolide.store;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.checkpoint.AbortMarker;
import dev.bolide.store.checkpoint.Checkpoint;
import dev.bolide.store.checkpoint.CheckpointService;
import dev.bolide.store.checkpoint.StoreLock;
import dev.bolide.store.commitlog.CommitLog;
import dev.bolide.store.consumequeue.ConsumeQueue;
import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.dispatch.Dispatcher;
import dev.bolide.store.flush.CommitLogFlusher;
import dev.bolide.store.index.IndexService;
import dev.bolide.store.replication.ReplicatedCommitLog;
import dev.bolide.store.retention.RetentionService;
import dev.bolide.store.worker.Timeouts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The storage engine: a CommitLog of message records, ConsumeQueues and an index derived from it,
 * flushed and checkpointed so that it recovers from a crash. Thread-safe.
 *
 * <pre>{@code
 * try (MessageStore store = MessageStore.open(StoreConfig.builder(dir).build())) {
 *     store.append(MessageToStore.builder("orders", 0, body).build());
 *     try (GetMessageResult read = store.getMessages("orders", 0, 0, 32, MessageFilter.ALL)) { ... }
 * }
 * }</pre>
 */
public final class MessageStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessageStore.class.getName());
    /** A read returns at most this many bytes, beyond its first message. */
    private static final int MAX_READ_BYTES = 256 * 1024;

    private final StoreConfig config;
    private final StoreLock lock;
    private final AbortMarker abortMarker;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final CommitLogFlusher flusher;
    private final Dispatcher dispatcher;
    private final List<AppendListener> appendListeners = new CopyOnWriteArrayList<>();
    private final CheckpointService checkpoints;
    private final RetentionService retention;
    private final QueueReader reader;
    private final ReplicatedCommitLog replication;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Answers a SYNC_FLUSH append false once it waited {@code syncFlushTimeout} for its force. */
    private final Timeouts<Boolean> flushTimeouts;
    private volatile CommitLogTimings timings = CommitLogTimings.NONE;

    private MessageStore(StoreConfig config, StoreLock lock, Recovery recovered, TagsCode tagsCodes)
            throws IOException {
        this.config = config;
        this.lock = lock;
        this.abortMarker = recovered.abortMarker;
        this.commitLog = recovered.commitLog;
        this.queues = recovered.queues;
        this.index = recovered.index;
        this.dispatcher = new Dispatcher(commitLog, queues, index, recovered.commitLogEnd, this::dispatchLimit,
                tagsCodes);
        this.flushTimeouts = new Timeouts<>(config.syncFlushTimeout(), false);
        this.flusher = CommitLogFlusher.create(commitLog.segments(), config, dispatcher::wakeUp);
        this.checkpoints = new CheckpointService(checkpointFile(config), recovered.checkpoint, queues, index,
                flusher::flushedOffset, dispatcher::progress);
        this.retention = new RetentionService(config, commitLog, queues, index, dispatcher::dispatchedOffset);
        this.reader = new QueueReader(commitLog, queues);
        this.replication = new ReplicatedCommitLog(commitLog, end -> flusher.appended(end, false),
                dispatcher::dispatchNow);
    }

    /**
     * Opens (or creates) the store in {@code config.storePathRootDir()}, recovering it first: after
     * a crash the CommitLog tail is validated and cut at the first bad record, and ConsumeQueues and
     * index are rebuilt from the last checkpoint.
     */
    public static MessageStore open(StoreConfig config) throws IOException {
        return open(config, TagsCode.OF_TAGS);
    }

    /**
     * {@link #open(StoreConfig)}, with {@code tagsCodes} deciding what ConsumeQueue units carry in
     * their tags-code slot (for queues rebuilt by recovery too).
     */
    public static MessageStore open(StoreConfig config, TagsCode tagsCodes) throws IOException {
        Files.createDirectories(config.storePathRootDir());
        StoreLock lock = StoreLock.acquire(config.storePathRootDir());
        Recovery recovered = null;
        try {
            recovered = Recovery.run(config, tagsCodes);
            MessageStore store = new MessageStore(config, lock, recovered, tagsCodes);
            store.start();
            return store;
        } catch (IOException | RuntimeException e) {
            if (recovered != null) {
                recovered.close();
            }
            lock.close();
            throw e;
        }
    }

    private static Path checkpointFile(StoreConfig config) {
        return config.storePathRootDir().resolve("checkpoint");
    }

    private void start() throws IOException {
        commitLog.segments().prepareForAppends();
        checkpoints.checkpoint();
        abortMarker.create();
        flusher.start();
        dispatcher.start();
        checkpoints.start(config.flushIntervalConsumeQueue().toMillis());
        retention.start();
    }

    /** Under SYNC_FLUSH only flushed records become visible to consumers. */
    private long dispatchLimit() {
        return config.flushDiskType() == FlushDiskType.SYNC_FLUSH ? flusher.flushedOffset() : commitLog.maxOffset();
    }

    /**
     * Appends messages as one batch: they land next to each other in one CommitLog segment.
     * The future completes when the append may be acknowledged: at once under
     * {@code ASYNC_FLUSH}; under {@code SYNC_FLUSH} once on disk, or with
     * {@link AppendResult.Status#FLUSH_DISK_TIMEOUT} after {@code syncFlushTimeout}. (Only a
     * waiting append gets a timer: next to a force, its cost does not show.)
     *
     * @throws StoreException for an illegal message, a full disk or a closed store; nothing is
     *                        written then
     */
    public CompletableFuture<AppendResult> appendAsync(List<MessageToStore> messages) {
        PendingAppend pending = appendPending(messages);
        AppendResult result = pending.written();
        return pending.acknowledgeable().thenApply(flushed -> flushed ? result
                : result.withStatus(AppendResult.Status.FLUSH_DISK_TIMEOUT));
    }

    /**
     * {@link #appendAsync} that tells where the messages went before they may be acknowledged.
     *
     * @throws StoreException as {@link #appendAsync}
     */
    public PendingAppend appendPending(List<MessageToStore> messages) {
        AppendResult result = write(messages);
        CompletableFuture<Void> flushed = flusher.appended(endOffset(result), waitForFlush(messages));
        if (flushed.isDone() && !flushed.isCompletedExceptionally()) {
            return new PendingAppend(result, CompletableFuture.completedFuture(true));
        }
        return new PendingAppend(result, flushTimeouts.completeOnTimeout(flushed.thenApply(done -> true)));
    }

    /**
     * {@link #appendAsync} for callers that may block: under {@code SYNC_FLUSH} the calling thread
     * forces the CommitLog itself when no other thread is forcing (one force covers every append
     * made meanwhile), and reports {@link AppendResult.Status#FLUSH_DISK_TIMEOUT} when the data did
     * not reach the disk within {@code syncFlushTimeout}.
     */
    public AppendResult append(List<MessageToStore> messages) {
        AppendResult result = write(messages);
        long end = endOffset(result);
        if (!waitForFlush(messages)) {
            flusher.appended(end, false);
            return result;
        }
        return flusher.awaitFlushed(end, config.syncFlushTimeout().toNanos()) ? result
                : result.withStatus(AppendResult.Status.FLUSH_DISK_TIMEOUT);
    }

    /**
     * Appends as one batch and returns at once, whatever the flush type, for a caller that must know
     * where the messages went before anyone else acts on them; {@link #whenAcknowledgeable} then
     * tells when it may answer, and the flusher meanwhile forces this append with its neighbours.
     */
    public AppendResult appendWithoutWaiting(List<MessageToStore> messages) {
        AppendResult result = write(messages);
        flusher.appended(endOffset(result), false);
        return result;
    }

    /**
     * Completes as {@link #appendAsync}'s future would have for {@code result}: true at once under
     * {@code ASYNC_FLUSH}; under {@code SYNC_FLUSH} true once on disk, false after
     * {@code syncFlushTimeout}.
     */
    public CompletableFuture<Boolean> whenAcknowledgeable(AppendResult result) {
        if (config.flushDiskType() != FlushDiskType.SYNC_FLUSH) {
            return CompletableFuture.completedFuture(true);
        }
        return flushTimeouts.completeOnTimeout(flusher.appended(endOffset(result), true).thenApply(flushed -> true));
    }

    /**
     * Completes once {@code result} is on disk, whatever the flush type: under {@code SYNC_FLUSH}
     * with the group commit that forces its neighbours too (false after {@code syncFlushTimeout}),
     * under {@code ASYNC_FLUSH}, where no force would come soon, by a force on the calling thread.
     */
    public CompletableFuture<Boolean> whenOnDisk(AppendResult result) {
        if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
            return whenAcknowledgeable(result);
        }
        long end = endOffset(result);
        return CompletableFuture.completedFuture(commitLogFlushedOffset() >= end || flush() >= end);
    }

    private AppendResult write(List<MessageToStore> messages) {
        long started = System.nanoTime();
        AppendResult result = new AppendResult(AppendResult.Status.PUT_OK, commitLog.append(messages));
        timings.appended(messages.size(), System.nanoTime() - started);
        dispatcher.appended();
        for (AppendListener listener : appendListeners) {
            for (int i = 0; i < messages.size(); i++) {
                listener.appended(messages.get(i), result.messages().get(i));
            }
        }
        return result;
    }

    private static long endOffset(AppendResult result) {
        AppendedMessage last = result.messages().get(result.messages().size() - 1);
        return last.physicalOffset() + last.size();
    }

    private boolean waitForFlush(List<MessageToStore> messages) {
        return config.flushDiskType() == FlushDiskType.SYNC_FLUSH
                && messages.stream().anyMatch(MessageToStore::waitForFlush);
    }

    public AppendResult append(MessageToStore... messages) {
        return append(Arrays.asList(messages));
    }

    /**
     * Reads up to {@code maxCount} messages of a queue from logical offset {@code offset}, keeping
     * those the filter accepts. Close the result when done with its buffers.
     */
    public GetMessageResult getMessages(String topic, int queueId, long offset, int maxCount, MessageFilter filter) {
        return reader.read(topic, queueId, offset, maxCount, MAX_READ_BYTES, filter);
    }

    /** The first logical offset of the queue whose message is still stored (0 for an unknown queue). */
    public long minOffset(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    /** The logical offset the next message of the queue will get (0 for an unknown queue). */
    public long maxOffset(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    /**
     * Up to {@code maxUnits} ConsumeQueue units of a queue from logical offset {@code fromOffset}
     * (mqadmin {@code queryCq}); empty when nothing was ever dispatched to the queue.
     */
    public Optional<List<QueueUnit>> queueUnits(String topic, int queueId, long fromOffset, int maxUnits) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null) {
            return Optional.empty();
        }
        List<QueueUnit> units = new ArrayList<>();
        queue.read(fromOffset, maxUnits, (queueOffset, physicalOffset, size, tagsCode) ->
                units.add(new QueueUnit(queueOffset, physicalOffset, size, tagsCode)));
        return Optional.of(units);
    }

    /** The logical offset of the message whose store time is closest to {@code timestamp}. */
    public long offsetByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.offsetByTime(timestamp, commitLog::storeTimestampAt);
    }

    /**
     * When the message at a logical offset of a queue was stored (ms), or -1 when the queue no
     * longer or not yet holds it. Admin statistics use it for "last updated" times.
     */
    public long storeTimestamp(String topic, int queueId, long queueOffset) {
        long physicalOffset = commitLogOffset(topic, queueId, queueOffset);
        return physicalOffset < 0 ? -1 : commitLog.storeTimestampAt(physicalOffset);
    }

    /** Where in the CommitLog the message at a logical offset of a queue starts, or -1 when it is gone. */
    public long commitLogOffset(String topic, int queueId, long queueOffset) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null || queueOffset < 0 ? -1 : queue.physicalOffsetAt(queueOffset);
    }

    /**
     * Records of {@code topic} whose {@code KEYS} contain {@code key} or whose unique id is
     * {@code key}, stored within [{@code begin}, {@code end}] (ms), newest first, at most
     * {@code maxNum}. The buffers are copies.
     */
    public List<ByteBuffer> queryByKey(String topic, String key, int maxNum, long begin, long end) {
        List<ByteBuffer> found = new ArrayList<>();
        if (index == null) {
            return found;
        }
        MessageRecordView view = new MessageRecordView();
        for (long offset : index.query(topic, key, maxNum, begin, end)) {
            ByteBuffer record = commitLog.readRecord(offset);
            if (record != null && hasKey(view.wrap(record, 0), topic, key)) {
                found.add(record);
            }
        }
        return found;
    }

    private static boolean hasKey(MessageRecordView record, String topic, String key) {
        if (!record.topic().equals(topic)) {
            return false;
        }
        String properties = record.properties();
        if (key.equals(MessageProperties.find(properties, PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID))) {
            return true;
        }
        String keys = MessageProperties.find(properties, PropertyKeys.KEYS);
        return keys != null && Arrays.asList(keys.split(PropertyKeys.KEY_SEPARATOR)).contains(key);
    }

    /** A copy of the record at a CommitLog offset (as in an offset message id), or null. */
    public ByteBuffer lookupMessage(long physicalOffset) {
        return commitLog.readRecord(physicalOffset);
    }

    /**
     * Shows the visitor every record stored from {@code fromOffset} (a record boundary, such as a
     * former {@link #commitLogMaxOffset()}) to the current end, in CommitLog order.
     */
    public void forEachRecord(long fromOffset, RecordVisitor visitor) {
        commitLog.forEachRecord(fromOffset, commitLog.maxOffset(), visitor);
    }

    /** The CommitLog as raw bytes, for master/slave replication. */
    public ReplicatedCommitLog replication() {
        return replication;
    }

    /** How long the append in progress has held the CommitLog's append lock; 0 when none does. */
    public long appendLockHeldMillis() {
        return commitLog.appendLockHeldMillis();
    }

    public long commitLogMinOffset() {
        return commitLog.minOffset();
    }

    public long commitLogMaxOffset() {
        return commitLog.maxOffset();
    }

    /** Offset below which every record is readable from its queue. */
    public long dispatchedOffset() {
        return dispatcher.dispatchedOffset();
    }

    /** Offset below which the CommitLog is known to be on disk. */
    public long commitLogFlushedOffset() {
        return flusher.flushedOffset();
    }

    /**
     * Forces the CommitLog to disk up to its end now, under either flush type: what was appended
     * before this call is durable when it returns.
     *
     * @return the offset below which the CommitLog is on disk
     */
    public long flush() {
        return flusher.forceNow();
    }

    /** How many times the CommitLog was forced to disk since the store opened. */
    public long commitLogForceCount() {
        return flusher.forceCount();
    }

    public void addDispatchListener(DispatchListener listener) {
        dispatcher.addListener(listener);
    }

    /** Tells {@code timings} how long each CommitLog append and force takes from now on. */
    public void timedBy(CommitLogTimings timings) {
        this.timings = timings;
        flusher.timedBy(timings);
    }

    public void addAppendListener(AppendListener listener) {
        appendListeners.add(listener);
    }

    /**
     * While {@code condition} holds, another thread dispatches the appends soon through
     * {@link ReplicatedCommitLog#dispatchAppended} (an HA connection, after each slave report):
     * appends do not wake the dispatcher's thread, which only takes what that one leaves, within
     * {@link Dispatcher}'s longest park. Read at each append: must be quick.
     */
    public void dispatchedByOthersWhile(BooleanSupplier condition) {
        dispatcher.dispatchedByOthersWhile(condition);
    }

    /**
     * Tells retention which messages readers still need, so that a nearly full disk refuses
     * appends rather than delete them (unless {@code cleanUnconsumedFileForciblyEnable}).
     */
    public void setRetentionFloor(RetentionFloor floor) {
        retention.setFloor(floor);
    }

    /**
     * Deletes the ConsumeQueues all of whose messages the CommitLog no longer holds, as RocketMQ's
     * {@code cleanExpiredConsumerQueue} (mqadmin {@code cleanExpiredCQ}), and the leading segments
     * of the others that only refer to deleted data. The queues of topics {@code keptWhole} are only
     * trimmed: their readers (the delay levels, the timer) keep offsets of their own. A deleted queue's
     * next message keeps its offset, so consumers' committed offsets stay valid (RocketMQ starts the
     * queue again at 0 and its consumers correct their offsets when they find them too large).
     *
     * @return the number of queues deleted
     */
    public int cleanExpiredConsumeQueues(Predicate<String> keptWhole) {
        long min = commitLog.minOffset();
        int deleted = 0;
        for (ConsumeQueue queue : queues.all()) {
            if (!keptWhole.test(queue.topic()) && queue.holdsOnlyDataBelow(min)) {
                queues.delete(queue);
                deleted++;
            } else {
                queue.deleteSegmentsBelow(min);
            }
        }
        return deleted;
    }

    /**
     * Deletes the ConsumeQueues of every topic not {@code inUse} (mqadmin {@code cleanUnusedTopic}),
     * while the broker runs: readers holding a segment keep it until they let go, and a message of
     * such a topic dispatched later goes into a new queue, at its offset.
     *
     * @return the topics whose queues were deleted
     */
    public List<String> deleteQueuesOfUnusedTopics(Predicate<String> inUse) {
        List<String> unused = queues.all().stream().map(ConsumeQueue::topic).distinct()
                .filter(inUse.negate()).toList();
        unused.forEach(this::deleteQueuesOf);
        return unused;
    }

    /**
     * Deletes the ConsumeQueues of one topic (mqadmin {@code deleteTopic}), as
     * {@link #deleteQueuesOfUnusedTopics} does, while the broker runs.
     *
     * @return the number of queues deleted
     */
    public int deleteQueuesOf(String topic) {
        return queues.deleteTopic(topic);
    }

    /** Runs one retention round now, as the periodic one; returns the segments deleted. */
    public int deleteExpiredFiles() throws IOException {
        return retention.run();
    }

    /**
     * Deletes the CommitLog files older than {@code fileReservedTime} now, whatever the
     * {@code deleteWhen} hours (the broker's "delete expired files" command); returns the segments deleted.
     */
    public int deleteExpiredFilesNow() throws IOException {
        return retention.runAsDeleteHour();
    }

    /**
     * Stops appends, flushes everything, dispatches what is left, writes a final checkpoint and
     * removes the abort marker, so that the next start needs no repair.
     */
    @Override
    public void close() throws IOException {
        if (closed.getAndSet(true)) {
            return;
        }
        commitLog.stopAppends();
        retention.close();
        flusher.close();
        dispatcher.close();
        dispatcher.catchUp();
        checkpoints.close();
        checkpoints.checkpoint();
        abortMarker.remove();
        queues.close();
        if (index != null) {
            index.close();
        }
        commitLog.close();
        lock.close();
        LOG.log(System.Logger.Level.DEBUG, "store closed cleanly in {0}", config.storePathRootDir());
    }

    /** What start-up recovery produced. */
    private record Recovery(AbortMarker abortMarker, Checkpoint checkpoint, CommitLog commitLog,
            ConsumeQueueTable queues, IndexService index, long commitLogEnd) {

        static Recovery run(StoreConfig config, TagsCode tagsCodes) throws IOException {
            AbortMarker abortMarker = new AbortMarker(config.storePathRootDir());
            boolean crashed = abortMarker.isPresent();
            Checkpoint checkpoint = Checkpoint.read(checkpointFile(config));
            CommitLog commitLog = CommitLog.open(config);
            ConsumeQueueTable queues = null;
            IndexService index = null;
            try {
                long end = commitLog.recover(checkpoint.commitLogFlushed(), config.checkCrcOnRecover());
                long derivedUpTo = Math.min(checkpoint.dispatched(), end);
                queues = ConsumeQueueTable.open(config.consumeQueueDir(), config.mappedFileSizeConsumeQueue());
                for (ConsumeQueue queue : queues.all()) {
                    queue.recover(derivedUpTo, commitLog::holdsRecord);
                }
                index = config.messageIndexEnable() ? IndexService.open(config) : null;
                if (index != null && (crashed || checkpoint.dispatched() < end)) {
                    index.repair(checkpoint.index(), derivedUpTo);
                }
                if (crashed) {
                    LOG.log(System.Logger.Level.WARNING, "store in {0} was not shut down cleanly: CommitLog valid "
                            + "to {1}, rebuilding queues and index from {2}", config.storePathRootDir(), end, derivedUpTo);
                }
                Dispatcher rebuild = new Dispatcher(commitLog, queues, index,
                        Math.max(derivedUpTo, commitLog.minOffset()), () -> end, tagsCodes);
                rebuild.catchUp();
                for (ConsumeQueue queue : queues.all()) {
                    commitLog.restoreQueueOffset(queue.topic(), queue.queueId(), queue.maxOffset());
                    queue.correctMinOffset(commitLog.minOffset());
                }
                return new Recovery(abortMarker, checkpoint, commitLog, queues, index, end);
            } catch (IOException | RuntimeException e) {
                new Recovery(abortMarker, checkpoint, commitLog, queues, index, 0).close();
                throw e;
            }
        }

        /** Releases what recovery opened, when the store does not start after all. */
        void close() {
            if (queues != null) {
                queues.close();
            }
            if (index != null) {
                index.close();
            }
            commitLog.close();
        }
    }
}

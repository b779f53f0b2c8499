package dev.bolide.store.replication;

import dev.bolide.store.commitlog.CommitLog;
import dev.bolide.store.commitlog.StoredBytesReader;
import dev.bolide.store.segment.MappedSegment;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;

/**
 * The CommitLog as replication sees it: raw bytes at physical offsets, whatever records they hold.
 * A master {@link #read}s what it streams; a slave {@link #append}s what it receives, at the same
 * offsets, so that its CommitLog is byte for byte the master's.
 */
public final class ReplicatedCommitLog {
    private final CommitLog commitLog;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final LongConsumer appended;
    private final Runnable dispatch;
    /** Received bytes just past the CommitLog's end that do not make a whole record yet. */
    private ByteBuffer pending = EMPTY;
    /** Where {@link #pending} goes: the CommitLog's end (or where an empty one will start). */
    private long pendingStart;

    /**
     * @param appended told the new end after each replicated append (to flush it)
     * @param dispatch dispatches what is appended, on the calling thread
     */
    public ReplicatedCommitLog(CommitLog commitLog, LongConsumer appended, Runnable dispatch) {
        this.commitLog = commitLog;
        this.appended = appended;
        this.dispatch = dispatch;
    }

    /**
     * Writes the ConsumeQueue units and index entries of what was appended, on the calling thread
     * (a slave's HA connection after it reported a read's frames, before the next read), unless
     * the dispatcher's thread is at it. Appends do not wake that thread: what a caller leaves
     * undispatched it finds within a millisecond (its longest park).
     */
    public void dispatchAppended() {
        dispatch.run();
    }

    /** Offset just past the last byte received: what a slave reports to its master. */
    public synchronized long maxOffset() {
        return pending.hasRemaining() ? pendingStart + pending.remaining() : commitLog.maxOffset();
    }

    /**
     * Where a master starts streaming to a slave that reported {@code slaveOffset}: there, or for
     * a slave with nothing yet (0), at the start of the newest segment, as RocketMQ does, so that a
     * new slave does not copy the whole history.
     *
     * @throws ReplicationException when the slave is ahead of this store, or needs bytes it no longer holds
     */
    public long transferStart(long slaveOffset) {
        long max = commitLog.maxOffset();
        if (slaveOffset > max) {
            throw new ReplicationException(ReplicationException.Reason.AHEAD, "the slave's CommitLog ends at "
                    + slaveOffset + ", beyond the master's end " + max + "; it is not a copy of this master");
        }
        if (slaveOffset == 0) {
            MappedSegment last = commitLog.segments().last();
            return last == null ? 0 : last.startOffset();
        }
        if (slaveOffset < commitLog.minOffset()) {
            throw new ReplicationException(ReplicationException.Reason.GONE, "the slave needs CommitLog bytes from "
                    + slaveOffset + ", but the master only holds them from " + commitLog.minOffset());
        }
        return slaveOffset;
    }

    /**
     * A copy of at most {@code maxBytes} stored bytes from {@code fromOffset}, all from one segment;
     * empty when nothing is stored there yet.
     */
    public ByteBuffer read(long fromOffset, int maxBytes) {
        return commitLog.copyBytes(fromOffset, maxBytes);
    }

    /**
     * Shows {@code reader} at most {@code maxBytes} stored bytes from {@code fromOffset}, all from
     * one segment, where they are mapped, as {@link #read} copies them: a master writes them to its
     * slave's socket from there, with no copy on the heap.
     *
     * @return how many bytes the reader was shown; 0 when nothing is stored there yet
     */
    public <X extends Exception> int read(long fromOffset, int maxBytes, StoredBytesReader<X> reader) throws X {
        return commitLog.readBytes(fromOffset, maxBytes, reader);
    }

    /**
     * Stores {@code bytes} (from its position to its limit) at exactly {@code physicalOffset}. Bytes
     * that overlap what is already received must equal it and are skipped; an empty store starts at
     * {@code physicalOffset}, which must begin a segment. Only whole records reach the CommitLog:
     * the start of a record still incomplete waits in memory for the rest, so that recovery, flush
     * and dispatch only ever see whole records (after a restart the master sends it again).
     *
     * @return the new end of what was received
     * @throws ReplicationException for a gap, or for bytes that differ from those received
     */
    public synchronized long append(long physicalOffset, ByteBuffer bytes) {
        ByteBuffer received = bytes.slice();
        long end = commitLog.maxOffset();
        if (physicalOffset < end) {
            int overlap = (int) Math.min(received.remaining(), end - physicalOffset);
            if (!commitLog.holdsBytes(physicalOffset, received.slice(0, overlap))) {
                throw diverged(physicalOffset);
            }
            received = received.slice(overlap, received.remaining() - overlap);
            physicalOffset += overlap;
            if (!received.hasRemaining()) {
                return maxOffset();
            }
        }
        if (!pending.hasRemaining()) {
            pendingStart = end == 0 ? start(physicalOffset) : end;
        }
        ByteBuffer data = afterPending(physicalOffset, received);
        int whole = wholeRecords(data, pendingStart);
        if (whole > 0) {
            appended.accept(commitLog.appendReplicated(pendingStart, data.slice(0, whole)));
        }
        pending = copy(data.slice(whole, data.remaining() - whole));
        pendingStart = commitLog.maxOffset();
        return maxOffset();
    }

    /** Where an empty CommitLog starts: at {@code physicalOffset}, which must begin a segment. */
    private long start(long physicalOffset) {
        int segmentSize = commitLog.segments().segmentSize();
        if (physicalOffset % segmentSize != 0) {
            throw new ReplicationException(ReplicationException.Reason.GAP, "an empty CommitLog can only start at "
                    + "a segment boundary (" + segmentSize + " bytes), not at " + physicalOffset);
        }
        return physicalOffset;
    }

    /**
     * The bytes from {@link #pendingStart} on: the pending ones followed by those received, which
     * must start within or right after them and agree with them where they overlap.
     */
    private ByteBuffer afterPending(long physicalOffset, ByteBuffer bytes) {
        long received = pendingStart + pending.remaining();
        if (physicalOffset > received) {
            throw new ReplicationException(ReplicationException.Reason.GAP, "replicated bytes start at "
                    + physicalOffset + " but this CommitLog ends at " + received + "; the bytes in between are missing");
        }
        if (!pending.hasRemaining()) {
            return bytes; // the usual case, a frame of whole records: nothing to join, nothing to copy
        }
        int kept = (int) (physicalOffset - pendingStart);
        int overlap = Math.min(pending.remaining() - kept, bytes.remaining());
        if (pending.slice(kept, overlap).mismatch(bytes.slice(0, overlap)) >= 0) {
            throw diverged(physicalOffset);
        }
        ByteBuffer joined = ByteBuffer.allocate(Math.max(pending.remaining(), kept + bytes.remaining()));
        return joined.put(pending.duplicate()).put(kept, bytes, 0, bytes.remaining()).clear();
    }

    private static ReplicationException diverged(long physicalOffset) {
        return new ReplicationException(ReplicationException.Reason.DIVERGED, "replicated bytes at " + physicalOffset
                + " differ from those this CommitLog holds there; it is not a copy of its master");
    }

    /**
     * How many bytes from the start of {@code bytes} (at {@code physicalOffset}) make whole
     * records; a segment's blank end counts as one record, as its size field says.
     */
    private static int wholeRecords(ByteBuffer bytes, long physicalOffset) {
        int at = 0;
        while (at + Integer.BYTES <= bytes.remaining()) {
            int size = bytes.getInt(at);
            if (size <= 0) {
                throw new ReplicationException(ReplicationException.Reason.DIVERGED, "no CommitLog record at "
                        + (physicalOffset + at) + " in the replicated bytes (size " + size + ")");
            }
            if (at + size > bytes.remaining()) {
                break;
            }
            at += size;
        }
        return at;
    }

    private static ByteBuffer copy(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return EMPTY;
        }
        return ByteBuffer.allocate(bytes.remaining()).put(bytes.duplicate()).flip();
    }
}

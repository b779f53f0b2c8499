package dev.bolide.store;

import dev.bolide.store.segment.MappedSegment;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Messages read from a queue. The buffers are read-only views of the mapped CommitLog, valid until
 * {@link #close()}: keep the result open while the bytes are in use (e.g. until written to a socket).
 *
 * @param nextBeginOffset where the next read of this queue should start
 */
public final class GetMessageResult implements AutoCloseable {
    private final GetMessageStatus status;
    private final List<ByteBuffer> messages;
    private final long nextBeginOffset;
    private final long minOffset;
    private final long maxOffset;
    private final List<MappedSegment> retained;

    GetMessageResult(GetMessageStatus status, List<ByteBuffer> messages, long nextBeginOffset, long minOffset,
            long maxOffset, List<MappedSegment> retained) {
        this.status = status;
        this.messages = messages;
        this.nextBeginOffset = nextBeginOffset;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
        this.retained = retained;
    }

    static GetMessageResult empty(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        return new GetMessageResult(status, List.of(), nextBeginOffset, minOffset, maxOffset, List.of());
    }

    public GetMessageStatus status() {
        return status;
    }

    /** The stored records, each exactly in the RocketMQ record layout. */
    public List<ByteBuffer> messages() {
        return messages;
    }

    public long nextBeginOffset() {
        return nextBeginOffset;
    }

    public long minOffset() {
        return minOffset;
    }

    public long maxOffset() {
        return maxOffset;
    }

    @Override
    public void close() {
        retained.forEach(MappedSegment::release);
    }
}

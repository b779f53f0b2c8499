package dev.bolide.store.commitlog;

import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageRecordWriter;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A batch of records encoded back to back, waiting for the offsets only the append lock can give.
 * Valid until the encoding thread encodes its next batch: small batches reuse one buffer per
 * thread, because allocating and zeroing a fresh one cost more than the rest of an append. That
 * buffer is direct: the file channel writes a heap buffer by copying it into a direct one first.
 */
final class EncodedBatch {
    private static final int REUSED_BUFFER_LIMIT = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> REUSED = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(4096));

    private final ByteBuffer buffer;
    private final int[] starts;

    private EncodedBatch(ByteBuffer buffer, int[] starts) {
        this.buffer = buffer;
        this.starts = starts;
    }

    static EncodedBatch encode(List<MessageToStore> batch, byte[] storeHost, int maxMessageSize, int segmentSize) {
        if (batch.isEmpty()) {
            throw new StoreException(StoreException.Reason.MESSAGE_ILLEGAL, "an append needs at least one message");
        }
        long total = 0;
        for (MessageToStore message : batch) {
            if (message.body().length > maxMessageSize) {
                throw new StoreException(StoreException.Reason.MESSAGE_ILLEGAL, "message body of "
                        + message.body().length + " bytes exceeds maxMessageSize " + maxMessageSize);
            }
            int flags = MessageRecordWriter.hostFlags(message.sysFlag(), message.bornHost(), storeHost);
            total += MessageRecordLayout.recordLength(flags, message.body().length, message.topicBytes().length,
                    message.properties().length);
        }
        if (total + MessageRecordLayout.BLANK_RECORD_LENGTH > segmentSize) {
            throw new StoreException(StoreException.Reason.MESSAGE_ILLEGAL, "batch of " + batch.size() + " messages ("
                    + total + " bytes) does not fit in one CommitLog segment of " + segmentSize + " bytes");
        }
        ByteBuffer buffer = buffer((int) total + MessageRecordLayout.BLANK_RECORD_LENGTH);
        buffer.putLong((int) total, 0L).limit((int) total);
        int[] starts = new int[batch.size() + 1];
        for (int i = 0; i < batch.size(); i++) {
            MessageToStore m = batch.get(i);
            starts[i] = buffer.position();
            MessageRecordWriter.write(buffer, m.queueId(), m.flag(), m.sysFlag(), m.bornTimestamp(), m.bornHost(),
                    storeHost, m.reconsumeTimes(), m.preparedTransactionOffset(), m.body(), m.topicBytes(),
                    m.properties());
        }
        starts[batch.size()] = buffer.position();
        return new EncodedBatch(buffer, starts);
    }

    private static ByteBuffer buffer(int length) {
        if (length > REUSED_BUFFER_LIMIT) {
            return ByteBuffer.allocate(length);
        }
        ByteBuffer reused = REUSED.get();
        if (reused.capacity() < length) {
            reused = ByteBuffer.allocateDirect(Math.max(length, Math.min(REUSED_BUFFER_LIMIT, 2 * reused.capacity())));
            REUSED.set(reused);
        }
        return reused.clear().limit(length);
    }

    /** The records followed by {@link MessageRecordLayout#BLANK_RECORD_LENGTH} zeros. */
    ByteBuffer bufferWithBlankRoom() {
        return buffer.duplicate().limit(length() + MessageRecordLayout.BLANK_RECORD_LENGTH);
    }

    int length() {
        return starts[starts.length - 1];
    }

    int start(int index) {
        return starts[index];
    }

    int size(int index) {
        return starts[index + 1] - starts[index];
    }

    /** Fills in the fields assigned under the append lock for record {@code index}. */
    void assign(int index, long queueOffset, long batchPhysicalOffset, long storeTimestamp) {
        int start = starts[index];
        MessageRecordWriter.setQueueOffset(buffer, start, queueOffset);
        MessageRecordWriter.setPhysicalOffset(buffer, start, batchPhysicalOffset + start);
        MessageRecordWriter.setStoreTimestamp(buffer, start, storeTimestamp);
    }
}

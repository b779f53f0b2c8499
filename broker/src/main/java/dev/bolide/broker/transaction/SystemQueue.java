package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;

/** Queue 0 of one of the transaction topics, read in order by the broker itself. */
final class SystemQueue {
    private static final int BATCH = 32;

    private final MessageStore store;
    private final String topic;

    SystemQueue(MessageStore store, String topic) {
        this.store = store;
        this.topic = topic;
    }

    /** What is done with each record read; the buffer is valid during the call only. */
    @FunctionalInterface
    interface Visitor {
        void visit(ByteBuffer record, MessageRecordView view);
    }

    long minOffset() {
        return store.minOffset(topic, TransactionTopics.QUEUE_ID);
    }

    /** The offset the next record dispatched to the queue will get. */
    long endOffset() {
        return store.maxOffset(topic, TransactionTopics.QUEUE_ID);
    }

    /** Visits the records with queue offsets in [{@code from}, {@code end}), in order; records retention deleted are skipped. */
    void read(long from, long end, Visitor visitor) {
        MessageRecordView view = new MessageRecordView();
        long offset = Math.max(from, minOffset());
        while (offset < end) {
            try (GetMessageResult result = store.getMessages(topic, TransactionTopics.QUEUE_ID, offset, BATCH,
                    MessageFilter.ALL)) {
                for (ByteBuffer record : result.messages()) {
                    if (view.wrap(record, record.position()).queueOffset() >= end) {
                        return;
                    }
                    visitor.visit(record, view);
                }
                if (result.nextBeginOffset() <= offset) {
                    return;
                }
                offset = result.nextBeginOffset();
            }
        }
    }
}

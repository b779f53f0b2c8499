package dev.bolide.store;

import dev.bolide.protocol.message.MessageRecordView;

/** Is shown stored records one after the other, in CommitLog order ({@link MessageStore#forEachRecord}). */
@FunctionalInterface
public interface RecordVisitor {
    /** @param record a view of the mapped record, valid during this call only */
    void visit(long physicalOffset, MessageRecordView record);
}

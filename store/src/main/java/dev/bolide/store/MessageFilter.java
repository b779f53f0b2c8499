package dev.bolide.store;

import java.nio.ByteBuffer;

/**
 * Decides which messages a read returns. The cheap test on the ConsumeQueue's tag hash runs first;
 * the record test (for SQL92 filters on properties) only for messages that passed it.
 */
public interface MessageFilter {
    /** Every message. */
    MessageFilter ALL = tagsCode -> true;

    boolean matchesTagsCode(long tagsCode);

    /** @param record the whole stored record, read-only, positioned at its start */
    default boolean matchesRecord(ByteBuffer record) {
        return true;
    }
}

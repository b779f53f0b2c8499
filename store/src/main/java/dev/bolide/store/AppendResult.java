package dev.bolide.store;

import java.util.List;

/**
 * The outcome of one append call.
 *
 * @param status   {@link Status#FLUSH_DISK_TIMEOUT} when a {@link FlushDiskType#SYNC_FLUSH} store
 *                 did not get the data to disk within {@code syncFlushTimeout}: the messages are
 *                 written and will be flushed, but their durability was not confirmed
 * @param messages one entry per appended message, in the order given
 */
public record AppendResult(Status status, List<AppendedMessage> messages) {
    /** Whether the append was confirmed as the store's flush mode promises. */
    public enum Status {
        PUT_OK,
        FLUSH_DISK_TIMEOUT
    }

    public AppendResult withStatus(Status newStatus) {
        return new AppendResult(newStatus, messages);
    }
}

package dev.bolide.store;

/** What a queue read found; the broker maps each to a pull response code. */
public enum GetMessageStatus {
    /** At least one message matched. */
    FOUND,
    /** Units were scanned but none matched the filter. */
    NO_MATCHED_MESSAGE,
    /** The first matching message's CommitLog data was already deleted. */
    MESSAGE_WAS_REMOVING,
    /** The requested offset is below the queue's min offset. */
    OFFSET_TOO_SMALL,
    /** The requested offset is the queue's max offset: nothing new yet. */
    OFFSET_OVERFLOW_ONE,
    /** The requested offset is beyond the queue's max offset. */
    OFFSET_OVERFLOW_BADLY,
    /** The queue exists and has never had a message. */
    NO_MESSAGE_IN_QUEUE,
    /** Nothing was ever dispatched to this topic and queue. */
    NO_MATCHED_LOGIC_QUEUE
}

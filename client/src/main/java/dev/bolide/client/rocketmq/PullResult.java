package dev.bolide.client.rocketmq;

import java.util.List;

/**
 * The answer to a pull: the messages found (possibly none) and where to pull next.
 *
 * @param maxOffset the queue's next offset to be written (its length)
 */
public record PullResult(Status status, long nextBeginOffset, long minOffset, long maxOffset,
        List<ReceivedMessage> messages) {
    public PullResult {
        messages = List.copyOf(messages);
    }

    /** RocketMQ's pull statuses. */
    public enum Status {
        FOUND,
        /** Nothing new (also after a long poll that timed out). */
        NO_NEW_MSG,
        /** Messages were there but none matched the subscription. */
        NO_MATCHED_MSG,
        /** The offset was outside the queue; pull again from {@link #nextBeginOffset()}. */
        OFFSET_ILLEGAL
    }
}

package dev.bolide.protocol.remoting;

/**
 * Request codes Bolide adds to RocketMQ's, in a range of its own, 9000 to 9999, that RocketMQ does
 * not use (4.9 stays below 400; 5.x adds codes in the 1000s, 2000s and from 200000). A RocketMQ
 * client never sends them; a RocketMQ broker answers them with REQUEST_CODE_NOT_SUPPORTED.
 */
public final class BolideRequestCode {
    /**
     * Stores a dead letter again in the topic it was first sent to. Header {@code offset}: the
     * dead letter's CommitLog offset (what its offset message id encodes). Answered like a send:
     * {@code msgId}, {@code queueId}, {@code queueOffset} of the new message.
     */
    public static final int RESEND_DEAD_LETTER = 9001;

    private BolideRequestCode() {
    }
}

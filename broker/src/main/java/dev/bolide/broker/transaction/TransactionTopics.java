package dev.bolide.broker.transaction;

/**
 * The system topics of transactional messages, by RocketMQ's names. None of them accepts sends
 * from producers; only the moved-aside topic is readable by clients.
 */
public final class TransactionTopics {
    /** Half messages (queue 0): the prepared messages and the copies made at each check-back. */
    public static final String HALF = "RMQ_SYS_TRANS_HALF_TOPIC";
    /** The op log (queue 0): one record per resolved transaction. */
    public static final String OP = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    /** Transactions given up after {@code transactionCheckMax} check-backs (queue 0), for an operator to read. */
    public static final String CHECK_MAX_TIME = "TRANS_CHECK_MAX_TIME_TOPIC";
    /** The only queue of each of these topics. */
    public static final int QUEUE_ID = 0;

    private TransactionTopics() {
    }
}

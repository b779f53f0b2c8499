package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.Map;

/**
 * How a prepared send (property {@code TRAN_MSG=true}) is stored: in the half topic, where no
 * consumer reads it, with its real topic and queue kept in {@code REAL_TOPIC} and {@code REAL_QID}
 * and its transaction type cleared, so that it gets an entry in the half queue like any message.
 */
public final class HalfMessages {
    public static final String TOPIC = TransactionTopics.HALF;
    public static final int QUEUE_ID = TransactionTopics.QUEUE_ID;

    private HalfMessages() {
    }

    /** Whether a send's properties make it the prepared half of a transaction. */
    public static boolean isPrepared(Map<String, String> properties) {
        return "true".equals(properties.get(PropertyKeys.TRANSACTION_PREPARED));
    }

    /**
     * Adds the real destination to the properties of a prepared send, which is then stored in
     * {@link #TOPIC}, and drops the check-back bookkeeping only the broker may write: a producer's
     * own {@code TRAN_PREPARED_QUEUE_OFFSET} would make its message pass for another transaction.
     */
    public static void keepDestination(Map<String, String> properties, String topic, int queueId) {
        properties.put(PropertyKeys.REAL_TOPIC, topic);
        properties.put(PropertyKeys.REAL_QUEUE_ID, Integer.toString(queueId));
        properties.remove(PropertyKeys.TRANSACTION_PREPARED_QUEUE_OFFSET);
        properties.remove(PropertyKeys.TRANSACTION_CHECK_TIMES);
    }

    /** The sysFlag a half message is stored with: the prepared type would keep it out of the half queue. */
    public static int storedSysFlag(int sysFlag) {
        return MessageSysFlag.withTransactionType(sysFlag, MessageSysFlag.TRANSACTION_NOT_TYPE);
    }
}

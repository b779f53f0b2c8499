package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RequestCode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A broker's check-back (CHECK_TRANSACTION_STATE) of one undecided half message of a producer
 * group: the producer answers {@link #commit()} or {@link #rollback()}, at most once, at any time
 * (the broker does not wait); not answering means "unknown", and the broker asks again later, up to
 * its {@code transactionCheckMax}.
 */
public final class TransactionCheck {
    private static final System.Logger LOG = System.getLogger(TransactionCheck.class.getName());

    private final ReceivedMessage halfMessage;
    private final String producerGroup;
    private final String server;
    private final long queueOffset;
    private final long commitLogOffset;
    private final String msgId;
    private final Requests requests;
    private final AtomicBoolean answered = new AtomicBoolean();

    TransactionCheck(ReceivedMessage halfMessage, String producerGroup, String server, long queueOffset,
            long commitLogOffset, String msgId, Requests requests) {
        this.halfMessage = halfMessage;
        this.producerGroup = producerGroup;
        this.server = server;
        this.queueOffset = queueOffset;
        this.commitLogOffset = commitLogOffset;
        this.msgId = msgId;
        this.requests = requests;
    }

    /** The half message as the producer sent it (topic, properties, body). */
    public ReceivedMessage halfMessage() {
        return halfMessage;
    }

    public String producerGroup() {
        return producerGroup;
    }

    /** Delivers the half message to its consumers. */
    public void commit() {
        answer(true);
    }

    /** Discards the half message. */
    public void rollback() {
        answer(false);
    }

    /** Oneway END_TRANSACTION marked as coming from a check, as RocketMQ producers answer. */
    private void answer(boolean commit) {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("the check-back of " + msgId + " is answered already");
        }
        Map<String, String> fields = EndTransactionFallback.endTransaction(producerGroup, queueOffset, commitLogOffset,
                msgId, commit, true);
        requests.oneway(server, RequestCode.END_TRANSACTION, fields, null).exceptionally(failure -> {
            LOG.log(System.Logger.Level.DEBUG, "cannot answer the check-back of {0}: {1}", msgId, failure);
            return null;
        });
    }
}

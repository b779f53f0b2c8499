package dev.bolide.client.jms.session;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The sends of a transacted session: half messages of a branch of its own (a fresh branch id per
 * transaction), invisible to consumers until {@link #commit()} commits the branch in one phase on
 * every broker it touched; {@link #rollback()} discards them. A transaction spanning brokers is
 * committed broker by broker: a failure after the first leaves the others to roll back (reported).
 */
final class TransactedSendPath implements MessageSendPath {
    /** "BOLI": marks branch ids of local transactions (XA ones carry the transaction manager's format). */
    private static final int LOCAL_FORMAT_ID = 0x424F4C49;

    private final RocketMqClient client;
    private final Set<String> brokers = new LinkedHashSet<>();
    private String branch;

    TransactedSendPath(RocketMqClient client) {
        this.client = client;
    }

    @Override
    public synchronized CompletableFuture<SendResult> send(OutgoingRecord record) {
        if (branch == null) {
            branch = newBranch();
        }
        try {
            SendResult result = client.branches().sendHalf(DirectSendPath.PRODUCER_GROUP, branch,
                    OutgoingMessage.of(record.topic(), record.body(), record.properties()), null);
            brokers.add(result.queue().brokerName());
            return CompletableFuture.completedFuture(result);
        } catch (RocketMqException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized void commit() throws JMSException {
        List<String> touched = List.copyOf(brokers);
        String committing = branch;
        reset();
        for (int i = 0; i < touched.size(); i++) {
            try {
                client.branches().commitBranch(touched.get(i), committing, true);
            } catch (RocketMqException e) {
                rollBack(touched.subList(i + 1, touched.size()), committing);
                JMSException failure = i == 0
                        ? new TransactionRolledBackException("the transaction's sends were rolled back: "
                                + e.getMessage())
                        : new JMSException("the transaction's sends were committed on " + touched.subList(0, i)
                                + " but not on " + touched.subList(i, touched.size()) + ": " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }

    @Override
    public synchronized void rollback() throws JMSException {
        List<String> touched = List.copyOf(brokers);
        String rollingBack = branch;
        reset();
        try {
            touched.forEach(broker -> client.branches().rollbackBranch(broker, rollingBack));
        } catch (RocketMqException e) {
            throw JmsFailure.of("rolling back the transaction's sends failed (the broker discards undecided "
                    + "half messages after its transaction checks)", e);
        }
    }

    private void rollBack(List<String> touched, String rollingBack) {
        for (String broker : touched) {
            try {
                client.branches().rollbackBranch(broker, rollingBack);
            } catch (RocketMqException ignored) {
                // the broker's transaction check rolls back what nobody decides
            }
        }
    }

    private void reset() {
        brokers.clear();
        branch = null;
    }

    private static String newBranch() {
        UUID id = UUID.randomUUID();
        byte[] global = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
        return BranchId.of(LOCAL_FORMAT_ID, global, new byte[] {1}).text();
    }
}

package dev.bolide.client.jms.session;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.jms.message.PropertyNames;
import dev.bolide.client.rocketmq.CrossBrokerCommit;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.QueueSelector;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sends of a transacted session: half messages of a branch of its own (a fresh branch id per
 * transaction), invisible to consumers until {@link #commit()} commits the branch in one phase on
 * the broker it touched; {@link #rollback()} discards them. Sends do not wait for the broker, and
 * go in batches: a failed one fails the commit, which then rolls the rest back. A transaction spanning brokers
 * commits atomically among them, in two phases ({@link CrossBrokerCommit}); one on a single broker pays
 * nothing for it: the same one-phase commit.
 */
final class TransactedSendPath implements MessageSendPath {
    /**
     * A batch goes out once it holds this many bytes of bodies, or this many messages, or at commit:
     * what a transaction holds back is bounded, and a transaction within the bound commits as one
     * ordinary batch ({@link #commitHeld}).
     */
    private static final int BATCH_BYTES = 256 * 1024;
    private static final int BATCH_MESSAGES = 1024;

    private final RocketMqClient client;
    private final List<CompletableFuture<SendResult>> pending = new ArrayList<>();
    private final List<OutgoingMessage> batch = new ArrayList<>();
    private final List<CompletableFuture<SendResult>> batchSent = new ArrayList<>();
    private int batchBytes;
    /** The JMSXGroupID of the batch's messages, whose queue they all go to (RocketMQ's ordering key); null: any queue. */
    private String batchGroup;
    private QueueSelector batchSelector;
    private String branch;
    /** The requests of half messages, stored in the order they were made, also when one is made again in halves. */
    private final SendSequence requests = new SendSequence();

    TransactedSendPath(RocketMqClient client) {
        this.client = client;
    }

    /**
     * Sends without waiting: the half sends of a transaction go out back to back, gathered into
     * batches of one topic (one request and one append each), and their outcome is the commit's
     * ({@link #outcomeAtCommit()}).
     */
    @Override
    public synchronized CompletableFuture<SendResult> send(OutgoingRecord record) {
        if (branch == null) {
            branch = newBranch();
        }
        OutgoingMessage message = record.message();
        if (!message.fitsBatch()) {
            flush();
            String sending = branch;
            CompletableFuture<SendResult> sent = requests.next(() -> client.branches().sendHalfAsync(
                    DirectSendPath.PRODUCER_GROUP, sending, message, record.queueSelector()));
            pending.add(sent);
            return sent;
        }
        String group = record.properties().get(PropertyNames.GROUP_ID);
        if (!batch.isEmpty() && !(batch.get(0).topic().equals(message.topic()) && Objects.equals(batchGroup, group))) {
            flush();
        }
        if (batch.isEmpty()) {
            batchGroup = group;
            batchSelector = record.queueSelector();
        }
        CompletableFuture<SendResult> sent = new CompletableFuture<>();
        batch.add(message);
        batchSent.add(sent);
        pending.add(sent);
        batchBytes += message.body().length;
        if (batch.size() == BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
            flush();
        }
        return sent;
    }

    /** Sends the batch being gathered; a send whose outcome someone awaits before the commit needs it out. */
    @Override
    public synchronized void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<CompletableFuture<SendResult>> waiting = List.copyOf(batchSent);
        String sending = branch;
        List<OutgoingMessage> messages = List.copyOf(batch);
        QueueSelector selector = batchSelector;
        requests.next(() -> client.branches().sendHalvesAsync(DirectSendPath.PRODUCER_GROUP, sending, messages,
                selector)).whenComplete((results, failure) -> settle(waiting, results, failure));
        clearBatch();
    }

    private static void settle(List<CompletableFuture<SendResult>> waiting, List<SendResult> results,
            Throwable failure) {
        for (int i = 0; i < waiting.size(); i++) {
            if (failure == null) {
                waiting.get(i).complete(results.get(i));
            } else {
                waiting.get(i).completeExceptionally(failure);
            }
        }
    }

    private void clearBatch() {
        batch.clear();
        batchSent.clear();
        batchGroup = null;
        batchSelector = null;
        batchBytes = 0;
    }

    @Override
    public boolean outcomeAtCommit() {
        return true;
    }

    @Override
    public boolean inTransaction() {
        return true;
    }

    @Override
    public synchronized void commit() throws JMSException {
        if (!batch.isEmpty() && batch.size() == pending.size() && commitHeld()) {
            return;
        }
        flush();
        String committing = branch;
        Map<String, Integer> touched = new LinkedHashMap<>();
        RuntimeException sendFailure = settleSends(touched);
        reset();
        if (sendFailure != null) {
            CrossBrokerCommit.rollBack(client.branches(), touched.keySet(), committing);
            throw rolledBack("a send of the transaction failed, its sends were rolled back: ", sendFailure);
        }
        if (touched.size() > 1) {
            commitAcrossBrokers(committing, touched);
            return;
        }
        for (Map.Entry<String, Integer> only : touched.entrySet()) {
            try {
                client.branches().commitBranch(only.getKey(), committing, true, only.getValue());
            } catch (RocketMqException e) {
                throw rolledBack("the transaction's sends were rolled back: ", e);
            }
        }
    }

    private void commitAcrossBrokers(String committing, Map<String, Integer> touched) throws JMSException {
        SortedMap<String, CrossBrokerCommit.Part> parts = new TreeMap<>();
        touched.forEach((broker, sent) -> parts.put(broker, CrossBrokerCommit.Part.sent(sent)));
        try {
            new CrossBrokerCommit(client.branches()).commit(committing, parts, prepared -> { });
        } catch (CrossBrokerCommit.Failure failure) {
            if (failure.outcome() == CrossBrokerCommit.Failure.Outcome.ROLLED_BACK) {
                TransactionRolledBackException rolledBack = new TransactionRolledBackException(failure.getMessage());
                rolledBack.initCause(failure.refusal());
                throw rolledBack;
            }
            JMSException unsettled = new JMSException(failure.getMessage());
            unsettled.initCause(failure.refusal());
            throw unsettled;
        }
    }

    /**
     * Commits a transaction whose sends are all still held for a batch as one ordinary send of them,
     * which a broker stores in one append, all or nothing: one request and one flush in place of
     * half messages and a branch commit (and it needs no Bolide request).
     *
     * @return false, the sends still held, when the broker refused them as one batch: its
     *     maxMessageSize may be below what a batch gathers (it bounds the sum of a batch's bodies),
     *     and the transaction then commits as half messages, in smaller batches if need be
     */
    private boolean commitHeld() throws JMSException {
        List<OutgoingMessage> messages = List.copyOf(batch);
        QueueSelector selector = batchSelector;
        try {
            List<SendResult> results = (messages.size() == 1
                    ? client.sendAsync(DirectSendPath.PRODUCER_GROUP, messages.get(0), selector).thenApply(List::of)
                    : client.sendBatchAsync(DirectSendPath.PRODUCER_GROUP, messages, selector)).join();
            settle(List.copyOf(batchSent), results, null);
            reset();
            return true;
        } catch (CompletionException | RocketMqException e) {
            if (messages.size() > 1 && RocketMqException.of(e).responseCode() == ResponseCode.MESSAGE_ILLEGAL) {
                return false;
            }
            settle(List.copyOf(batchSent), null, e);
            reset();
            throw rolledBack("the transaction's sends were not stored: ", e);
        }
    }

    /**
     * Waits for the transaction's sends; counts the messages each broker got, which it checks it still
     * holds at the commit, and returns the first failure.
     */
    private RuntimeException settleSends(Map<String, Integer> touched) {
        RuntimeException firstFailure = null;
        for (CompletableFuture<SendResult> sent : pending) {
            try {
                touched.merge(sent.join().queue().brokerName(), 1, Integer::sum);
            } catch (CompletionException | CancellationException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        return firstFailure;
    }

    static TransactionRolledBackException rolledBack(String why, Throwable cause) {
        Throwable reason = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        TransactionRolledBackException failure = new TransactionRolledBackException(why + reason.getMessage());
        failure.initCause(reason);
        return failure;
    }

    @Override
    public synchronized void rollback() throws JMSException {
        batchSent.forEach(never -> never.cancel(false));
        clearBatch();
        String rollingBack = branch;
        Map<String, Integer> touched = new LinkedHashMap<>();
        settleSends(touched);
        reset();
        try {
            touched.keySet().forEach(broker -> client.branches().rollbackBranch(broker, rollingBack));
        } catch (RocketMqException e) {
            throw JmsFailure.of("rolling back the transaction's sends failed (the broker discards undecided "
                    + "half messages after its transaction checks)", e);
        }
    }

    private void reset() {
        clearBatch();
        pending.clear();
        branch = null;
    }

    private static String newBranch() {
        UUID id = UUID.randomUUID();
        byte[] global = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
        return BranchId.of(BranchId.LOCAL_FORMAT_ID, global, new byte[] {1}).text();
    }
}

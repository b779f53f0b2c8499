package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageToStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many transactions (XA branch members among them) have a half message and no op record yet:
 * neither committed, rolled back nor moved aside. Kept exact and cheap by counting appends: one up
 * for each half message a producer sends, one down for each op record that resolves one. The check
 * pass's copies of a half message carry {@code TRAN_PREPARED_QUEUE_OFFSET} and so are no new
 * transaction; one transaction gets one op record at most ({@link OpenTransactions#claim}). An XA
 * branch's op record covers all its messages, so its decision counts them down through
 * {@link #settled} ({@link BranchCoordinator} knows how many). At start the count is what recovery
 * found open, less the members of branches decided.
 */
final class PendingHalves {
    private final AtomicLong pending = new AtomicLong();

    /** Recovery found {@code count} transactions open; called before anything is appended. */
    void recovered(long count) {
        pending.set(count);
    }

    /** An XA branch was decided: {@code members} of its half messages are no longer pending. */
    void settled(int members) {
        pending.addAndGet(-members);
    }

    /** Hears every append; called on the appending thread, so it looks at the topic first. */
    void appended(MessageToStore message, AppendedMessage where) {
        if (message.topic().equals(TransactionTopics.HALF)) {
            if (MessageProperties.find(new String(message.properties(), StandardCharsets.UTF_8),
                    PropertyKeys.TRANSACTION_PREPARED_QUEUE_OFFSET) == null) {
                pending.incrementAndGet();
            }
        } else if (message.topic().equals(TransactionTopics.OP) && !BranchOpRecord.isBranchRecord(message)) {
            pending.decrementAndGet();
        }
    }

    long count() {
        return pending.get();
    }
}

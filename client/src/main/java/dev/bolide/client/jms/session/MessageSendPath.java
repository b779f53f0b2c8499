package dev.bolide.client.jms.session;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.JMSException;
import java.util.concurrent.CompletableFuture;

/**
 * The one way a session's messages go out: straight to the broker, or, in a transaction, as
 * half-messages made visible together by {@link #commit()}.
 */
public interface MessageSendPath {
    CompletableFuture<SendResult> send(OutgoingRecord record) throws JMSException;

    /**
     * Whether a send's outcome is known only at {@link #commit()}, which fails if a send failed: a
     * producer then need not wait for each send.
     */
    default boolean outcomeAtCommit() {
        return false;
    }

    /** Whether sends go out in a transaction now (a local one, or a global one the session is enlisted in). */
    boolean inTransaction();

    /** Makes the sends since the last commit or rollback visible; nothing to do outside a transaction. */
    void commit() throws JMSException;

    /** Discards the sends since the last commit or rollback. */
    void rollback() throws JMSException;
}

package dev.bolide.client.jms.session;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.JMSException;
import java.util.concurrent.CompletableFuture;

/**
 * The sends of a transacted session. They need the broker's branch extension (half-messages grouped
 * by a branch id and committed by one request), which is not in this build yet: until then a
 * transacted session receives transactionally but refuses to send.
 */
final class TransactedSendPath implements MessageSendPath {
    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record) throws JMSException {
        throw new JMSException("transacted sends need the broker's transaction branches (half-messages "
                + "committed as a unit), which this client version does not have yet; use a non-transacted "
                + "session to send");
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }
}

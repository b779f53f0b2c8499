package dev.bolide.client.jms.xa;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.jms.session.DirectSendPath;
import dev.bolide.client.jms.session.MessageSendPath;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.SendResult;
import java.util.concurrent.CompletableFuture;

/**
 * The sends of an XA session: half messages of the branch its resource works in, or, outside a
 * global transaction, ordinary sends. Commit and rollback belong to the transaction manager.
 */
final class BranchSendPath implements MessageSendPath {
    private final BolideXAResource resource;
    private final DirectSendPath direct;

    BranchSendPath(BolideXAResource resource, DirectSendPath direct) {
        this.resource = resource;
        this.direct = direct;
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record) {
        if (!resource.inBranch()) {
            return direct.send(record);
        }
        try {
            return resource.sendInBranch(record.message(), record.queueSelector());
        } catch (RocketMqException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** In a branch, a failed send fails the branch's prepare (or one-phase commit), which rolls it back. */
    @Override
    public boolean outcomeAtCommit() {
        return resource.inBranch();
    }

    @Override
    public boolean inTransaction() {
        return resource.inBranch();
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }
}

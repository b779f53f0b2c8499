package dev.bolide.client.jms.xa;

import dev.bolide.client.jms.consumer.Delivery;
import dev.bolide.client.jms.session.ReceiveEnlistment;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.protocol.xa.BranchReceipt;

/**
 * The receives of an XA session while its resource works in a branch: part of the branch. Its
 * prepare hands each to the broker of its queue ({@link ReceivedInBranch}), which then settles it
 * with the branch whatever becomes of this JVM; a branch never prepared settles them here.
 */
final class BranchReceives implements ReceiveEnlistment {
    private final BolideXAResource resource;

    BranchReceives(BolideXAResource resource) {
        this.resource = resource;
    }

    @Override
    public boolean active() {
        return resource.inBranch();
    }

    @Override
    public void enlist(Delivery delivery, Runnable acknowledge, Runnable redeliver) {
        MessageQueue queue = delivery.queue();
        ReceivedInBranch received = new ReceivedInBranch(queue.brokerName(), new BranchReceipt(delivery.group(),
                queue.topic(), queue.queueId(), delivery.message().queueOffset()));
        resource.receivedInBranch(new BranchWork() {
            @Override
            public void committed() {
                acknowledge.run();
            }

            @Override
            public void rolledBack() {
                redeliver.run();
            }

            @Override
            public ReceivedInBranch received() {
                return received;
            }
        });
    }
}

package dev.bolide.client.jms.xa;

import dev.bolide.client.jms.session.ReceiveEnlistment;

/** The receives of an XA session while its resource works in a branch: settled with the branch. */
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
    public void enlist(Runnable acknowledge, Runnable redeliver) {
        resource.receivedInBranch(new BranchWork() {
            @Override
            public void committed() {
                acknowledge.run();
            }

            @Override
            public void rolledBack() {
                redeliver.run();
            }
        });
    }
}

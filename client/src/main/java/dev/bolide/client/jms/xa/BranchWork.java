package dev.bolide.client.jms.xa;

/**
 * Something a session did inside an XA branch besides sending: a message it received, acknowledged
 * only if the branch commits and delivered again if it rolls back.
 */
public interface BranchWork {
    /** The branch committed: acknowledge. */
    void committed();

    /** The branch rolled back: deliver again, counted as a redelivery. */
    void rolledBack();

    /** The message received, which the branch's prepare records on its broker; null: nothing to record. */
    default ReceivedInBranch received() {
        return null;
    }
}

package dev.bolide.client.jms.xa;

import javax.transaction.xa.XAException;

/**
 * The XA answer to a transaction manager's decision on a branch that some broker decided
 * heuristically (XA specification, xa_commit and xa_rollback): XA_HEURMIX when the branch's messages
 * ended committed on one broker and rolled back on another, else XA_HEURCOM or XA_HEURRB as they all
 * ended.
 */
final class HeuristicOutcome {
    private HeuristicOutcome() {
    }

    /**
     * @param commit                  whether the manager decided to commit
     * @param doneAsAsked             whether some broker did as the manager asked
     * @param committedHeuristically  whether some broker had committed it heuristically
     * @param rolledBackHeuristically whether some broker had rolled it back heuristically
     */
    static int code(boolean commit, boolean doneAsAsked, boolean committedHeuristically,
            boolean rolledBackHeuristically) {
        boolean committed = commit && doneAsAsked || committedHeuristically;
        boolean rolledBack = !commit && doneAsAsked || rolledBackHeuristically;
        return committed && rolledBack ? XAException.XA_HEURMIX
                : committed ? XAException.XA_HEURCOM : XAException.XA_HEURRB;
    }
}

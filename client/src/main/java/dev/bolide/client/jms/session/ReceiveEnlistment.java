package dev.bolide.client.jms.session;

import dev.bolide.client.jms.consumer.Delivery;

/**
 * Where a session's receives go while a global (XA) transaction owns them: instead of being
 * acknowledged at once, each is handed over, to be acknowledged if the transaction commits and
 * delivered again if it rolls back.
 */
public interface ReceiveEnlistment {
    /** Sessions outside XA: receives are never enlisted. */
    ReceiveEnlistment NONE = new ReceiveEnlistment() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void enlist(Delivery delivery, Runnable acknowledge, Runnable redeliver) {
            throw new java.lang.IllegalStateException("no transaction takes receives");
        }
    };

    /** Whether a global transaction owns the session's receives now. */
    boolean active();

    /** @param delivery what was received: its queue and offset, which the transaction may record */
    void enlist(Delivery delivery, Runnable acknowledge, Runnable redeliver);
}

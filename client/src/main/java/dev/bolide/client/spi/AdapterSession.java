package dev.bolide.client.spi;

import dev.bolide.client.jms.HalfMessageSession;
import jakarta.jms.XASession;

/**
 * The XA session of an {@link AdapterConnection}, which a resource adapter shares between the session
 * handles it gives applications. While its XA resource is in a branch (the transaction manager's, or
 * an adapter's local transaction run as a branch of the same resource) sends are half messages of the
 * branch; outside one it sends at once and acknowledges each receive.
 */
public interface AdapterSession extends XASession, AcknowledgingSession, HalfMessageSession {
    /** Whether the session works in a branch now, so that the adapter's handles report it transacted. */
    boolean inBranch();
}

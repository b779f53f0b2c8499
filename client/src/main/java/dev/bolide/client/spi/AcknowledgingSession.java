package dev.bolide.client.spi;

import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * A session that can acknowledge what it delivered without a message at hand, as
 * {@code JMSContext.acknowledge} needs: Bolide's own session, and a resource adapter's session handle.
 */
public interface AcknowledgingSession extends Session {
    /** In CLIENT_ACKNOWLEDGE mode acknowledges every message delivered so far; otherwise nothing. */
    void acknowledge() throws JMSException;
}

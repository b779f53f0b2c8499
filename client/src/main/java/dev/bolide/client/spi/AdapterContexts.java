package dev.bolide.client.spi;

import dev.bolide.client.jms.context.BolideJMSContext;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

/** Contexts over the connection handles an adapter gives applications, so that its factories offer the simplified API too. */
public final class AdapterContexts {
    private AdapterContexts() {
    }

    /**
     * A context owning {@code connection}: closing the context closes it. The connection's sessions
     * must be {@link AcknowledgingSession}s, so that {@code JMSContext.acknowledge} reaches them.
     */
    public static JMSContext open(Connection connection, int sessionMode) throws JMSException {
        return BolideJMSContext.open(connection, sessionMode);
    }
}

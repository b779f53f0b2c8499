package dev.bolide.client.spi;

import dev.bolide.client.jms.connection.BolideConnection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.XAConnection;

/** A Bolide connection as a resource adapter holds it: a Jakarta Messaging XA connection whose XA sessions it shares. */
public interface AdapterConnection extends XAConnection {
    /**
     * A new, stopped connection with the settings' client id, if any.
     *
     * @param userName the access key every request is signed with, {@code password} the secret key;
     *                 null: requests are not signed
     * @throws JMSSecurityException for a user name without password, or an account the brokers refuse
     * @throws JMSException naming the file, when the TLS settings name one that cannot be used
     */
    static AdapterConnection open(ConnectionSettings settings, String userName, String password)
            throws JMSException {
        return BolideConnection.open(settings, userName, password);
    }

    @Override
    AdapterSession createXASession() throws JMSException;

    /** Whether {@code close} ran, so that an adapter can check what it destroyed. */
    boolean isClosed();

    /** The settings this connection was opened with. */
    ConnectionSettings settings();
}

package dev.bolide.client.jms.connection;

import dev.bolide.client.rocketmq.Credentials;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.remoting.ClientTls;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

/**
 * How a RocketMQ client of the Jakarta Messaging layer reaches the brokers: its TLS material and its
 * account, each refused as a JMSException, for connections and check-back members alike.
 */
public final class ClientAccess {
    private ClientAccess() {
    }

    /** The settings' TLS material loaded; null: plain connections. */
    public static ClientTls tls(ConnectionSettings settings) throws JMSException {
        try {
            return settings.tls() == null ? null : settings.tls().load();
        } catch (IllegalArgumentException e) {
            JMSException failure = new JMSException(e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** The account requests are signed with; null (no user name): unsigned. */
    public static Credentials credentials(String userName, String password) throws JMSSecurityException {
        if (userName == null) {
            return null;
        }
        try {
            return new Credentials(userName, password);
        } catch (IllegalArgumentException e) {
            throw new JMSSecurityException("user " + userName + ": " + e.getMessage());
        }
    }
}

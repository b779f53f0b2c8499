package dev.bolide.client.jms.context;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

/** A connection shared by a JMSContext and the contexts made from it; closed with the last of them. */
final class SharedConnection {
    private final Connection connection;
    private int users = 1;

    SharedConnection(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    synchronized void use() {
        users++;
    }

    synchronized void release() throws JMSException {
        users--;
        if (users == 0) {
            connection.close();
        }
    }
}

package dev.bolide.bench.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * A connection with one session and a persistent producer; each operation sends {@code batch}
 * messages of the given body and, in a transacted session, commits them.
 */
final class PersistentSender implements TimedLoop.Worker {
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final byte[] body;
    private final int batch;

    private PersistentSender(Connection connection, Session session, String queue, byte[] body, int batch)
            throws JMSException {
        this.connection = connection;
        this.session = session;
        this.producer = session.createProducer(session.createQueue(queue));
        this.producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        this.body = body;
        this.batch = batch;
    }

    /** Sends one message at a time, each answered only once the broker has it on disk. */
    static TimedLoop.WorkerFactory synchronous(ConnectionFactory factory, String queue, byte[] body) {
        return () -> open(factory, false, queue, body, 1);
    }

    /** Sends {@code batch} messages, then commits them in one go. */
    static TimedLoop.WorkerFactory transacted(ConnectionFactory factory, String queue, byte[] body, int batch) {
        return () -> open(factory, true, queue, body, batch);
    }

    private static PersistentSender open(ConnectionFactory factory, boolean transacted, String queue, byte[] body,
            int batch) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED
                    : Session.AUTO_ACKNOWLEDGE);
            return new PersistentSender(connection, session, queue, body, batch);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void once() throws JMSException {
        for (int i = 0; i < batch; i++) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            producer.send(message);
        }
        if (session.getTransacted()) {
            session.commit();
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}

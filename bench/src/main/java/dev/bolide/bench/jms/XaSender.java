package dev.bolide.bench.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.PreparedStatement;
import javax.sql.XADataSource;

/**
 * One global transaction per operation: a persistent JMS send and a row inserted into a database,
 * both enlisted with the transaction manager and committed together (two-phase: two resources),
 * and, for the receive variant, a message received from a backlog before the send.
 */
final class XaSender implements TimedLoop.Worker {
    private final TransactionManager transactions;
    private final XAConnection jms;
    private final XASession session;
    private final MessageProducer producer;
    /** Where each transaction receives one message first; null: it only sends. */
    private final MessageConsumer consumer;
    private final javax.sql.XAConnection database;
    private final PreparedStatement insert;
    private final byte[] body;
    private long sequence;
    private static final long RECEIVE_TIMEOUT_MILLIS = 10_000;

    private XaSender(TransactionManager transactions, XAConnection jms, javax.sql.XAConnection database,
            String queue, String receiveFrom, byte[] body) throws Exception {
        this.transactions = transactions;
        this.jms = jms;
        this.session = jms.createXASession();
        this.producer = session.createProducer(session.createQueue(queue));
        this.producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        this.consumer = receiveFrom == null ? null : session.createConsumer(session.createQueue(receiveFrom));
        jms.start();
        this.database = database;
        this.insert = database.getConnection().prepareStatement(XaDatabase.INSERT);
        this.body = body;
    }

    static TimedLoop.WorkerFactory factory(TransactionManager transactions, XAConnectionFactory jmsFactory,
            XADataSource databaseFactory, String queue, byte[] body) {
        return factory(transactions, jmsFactory, databaseFactory, queue, null, body);
    }

    /** @param receiveFrom the queue each transaction receives one message from before it sends; null: none */
    static TimedLoop.WorkerFactory factory(TransactionManager transactions, XAConnectionFactory jmsFactory,
            XADataSource databaseFactory, String queue, String receiveFrom, byte[] body) {
        return () -> {
            XAConnection jms = jmsFactory.createXAConnection();
            javax.sql.XAConnection database = null;
            try {
                database = databaseFactory.getXAConnection();
                return new XaSender(transactions, jms, database, queue, receiveFrom, body);
            } catch (Exception e) {
                jms.close();
                if (database != null) {
                    database.close();
                }
                throw e;
            }
        };
    }

    @Override
    public void once() throws Exception {
        transactions.begin();
        Transaction transaction = transactions.getTransaction();
        transaction.enlistResource(session.getXAResource());
        transaction.enlistResource(database.getXAResource());
        if (consumer != null && consumer.receive(RECEIVE_TIMEOUT_MILLIS) == null) {
            transactions.rollback();
            throw new IllegalStateException("the backlog to receive from ran out");
        }
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        producer.send(message);
        insert.setLong(1, ++sequence);
        insert.executeUpdate();
        transactions.commit();
    }

    @Override
    public void close() throws Exception {
        try {
            jms.close();
        } finally {
            database.close();
        }
    }
}

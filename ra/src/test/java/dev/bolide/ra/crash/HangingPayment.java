package dev.bolide.ra.crash;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.transaction.SystemException;
import jakarta.transaction.RollbackException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Receives a Bolide message and sends one in a container transaction that also holds a
 * {@link BlockingResource}. A {@link CommitBlockingResource} is enlisted first, before the connection
 * (whose XAResource the pool enlists when it hands out the connection), so that the transaction
 * manager commits it first and blocks there: the Bolide branch is prepared and never committed before
 * the server dies. A {@link PrepareBlockingResource} is enlisted after it, so that it is prepared
 * after it: the Bolide branch is prepared and the transaction manager has decided nothing.
 */
@Stateless
public class HangingPayment {
    /**
     * The system property (set on the server's command line) naming the XA pool to send through: a
     * connector resource of the server's configuration, which its recovery at start-up goes through.
     */
    public static final String FACTORY_PROPERTY = "bolide.crash.factory";
    /** The pool when the property is not set: the one the Payara crash test creates. */
    public static final String FACTORY = "jms/CrashFactory";
    /** The input message was put on its queue before the request: it is there unless the broker lost it. */
    private static final long RECEIVE_PATIENCE_MILLIS = 30_000;

    /**
     * Receives one message from {@code input} and sends {@code text} to {@code queue}, both in the
     * Bolide branch, and hangs in commit (after the transaction manager logged its decision); fails
     * (and rolls back) if {@code input} holds nothing, rather than hanging with a branch that received
     * nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void pay(String input, String queue, String text)
            throws JMSException, SystemException, RollbackException, NamingException {
        ServerTransactionManager.lookup().getTransaction().enlistResource(new CommitBlockingResource());
        receiveAndSend(input, queue, text);
    }

    /**
     * The same, but hangs in prepare, after the Bolide branch is prepared and before the transaction
     * manager decides: the blocking resource is enlisted after the Bolide connection.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void payHangingInPrepare(String input, String queue, String text)
            throws JMSException, SystemException, RollbackException, NamingException {
        receiveAndSend(input, queue, text);
        ServerTransactionManager.lookup().getTransaction().enlistResource(new PrepareBlockingResource());
    }

    private static void receiveAndSend(String input, String queue, String text) throws JMSException, NamingException {
        ConnectionFactory factory = InitialContext.doLookup(System.getProperty(FACTORY_PROPERTY, FACTORY));
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(input))) {
                Message order = consumer.receive(RECEIVE_PATIENCE_MILLIS);
                if (order == null) {
                    throw new JMSException("nothing to receive from " + input);
                }
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(session.createTextMessage(text));
            }
        }
    }
}

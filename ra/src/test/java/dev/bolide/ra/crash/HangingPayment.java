package dev.bolide.ra.crash;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.RollbackException;

/**
 * Sends a Bolide message in a container transaction that also holds a {@link CommitBlockingResource}.
 * The blocking resource is enlisted first, before the connection (whose XAResource the pool enlists
 * when it hands out the connection), so that the transaction manager commits it first and blocks
 * there: the Bolide branch is prepared and never committed before the server dies.
 */
@Stateless
public class HangingPayment {
    /** A connector resource of the server's configuration, which its recovery at start-up goes through. */
    public static final String FACTORY = "jms/CrashFactory";

    @Resource(lookup = FACTORY)
    private ConnectionFactory factory;
    @Resource(lookup = "java:appserver/TransactionManager")
    private TransactionManager transactions;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void pay(String queue, String text) throws JMSException, SystemException, RollbackException {
        transactions.getTransaction().enlistResource(new CommitBlockingResource());
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(session.createTextMessage(text));
            }
        }
    }
}

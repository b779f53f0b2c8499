package dev.bolide.ra.crash;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.transaction.SystemException;
import jakarta.transaction.RollbackException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends a Bolide message in a container transaction that also holds a {@link CommitBlockingResource}.
 * The blocking resource is enlisted first, before the connection (whose XAResource the pool enlists
 * when it hands out the connection), so that the transaction manager commits it first and blocks
 * there: the Bolide branch is prepared and never committed before the server dies.
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

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void pay(String queue, String text)
            throws JMSException, SystemException, RollbackException, NamingException {
        ServerTransactionManager.lookup().getTransaction().enlistResource(new CommitBlockingResource());
        ConnectionFactory factory = InitialContext.doLookup(System.getProperty(FACTORY_PROPERTY, FACTORY));
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(session.createTextMessage(text));
            }
        }
    }
}

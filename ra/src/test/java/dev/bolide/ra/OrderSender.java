package dev.bolide.ra;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * A stateless bean that sends in container-managed transactions, through the adapter's connection
 * factories defined both ways an application can: the Connectors annotation and the Messaging one.
 */
@ConnectionFactoryDefinition(name = "java:app/jms/ShopFactory", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.ConnectionFactory", transactionSupport = TransactionSupportLevel.XATransaction)
@JMSConnectionFactoryDefinition(name = "java:app/jms/ShopMessagingFactory", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.ConnectionFactory")
@Stateless
public class OrderSender {
    @Resource(lookup = "java:app/jms/ShopFactory")
    private ConnectionFactory factory;
    @Resource(lookup = "java:app/jms/ShopMessagingFactory")
    private ConnectionFactory messagingFactory;
    @Resource
    private SessionContext bean;

    /** Sends in the caller's transaction, or a new one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void send(String queue, String text) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** Sends, then marks the transaction for rollback. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendAndSetRollbackOnly(String queue, String text) throws JMSException {
        send(queue, text);
        bean.setRollbackOnly();
    }

    /** Sends, then fails with a system exception, which rolls the transaction back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendAndFail(String queue, String text) throws JMSException {
        send(queue, text);
        throw new EJBException("the order could not be paid");
    }

    /** Sends through a JMSContext of the factory defined by {@code @JMSConnectionFactoryDefinition}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendWithContext(String queue, String text) {
        try (JMSContext context = messagingFactory.createContext()) {
            Queue destination = context.createQueue(queue);
            context.createProducer().send(destination, text);
        }
    }
}

package dev.bolide.ra.crash.delivery;

import dev.bolide.ra.crash.HangingPayment;
import dev.bolide.ra.crash.PrepareBlockingResource;
import dev.bolide.ra.crash.ServerTransactionManager;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A container-transacted delivery that hangs in prepare the first time: the bean sends
 * "processed &lt;text&gt;" through the adapter's XA pool, then enlists a {@link PrepareBlockingResource},
 * after the delivery's Bolide branch (which the container enlisted before {@code onMessage}) and the
 * pool's. Once the marker exists (after the restart) its deliveries commit.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = HangingOrdersBean.ORDERS),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class HangingOrdersBean implements MessageListener {
    public static final String ORDERS = "CrashOrders";
    public static final String PROCESSED = "CrashProcessed";

    @Override
    public void onMessage(Message message) {
        try {
            ConnectionFactory factory = InitialContext.doLookup(
                    System.getProperty(HangingPayment.FACTORY_PROPERTY, HangingPayment.FACTORY));
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession();
                session.createProducer(session.createQueue(PROCESSED))
                        .send(session.createTextMessage(processed(((TextMessage) message).getText())));
            }
            ServerTransactionManager.lookup().getTransaction().enlistResource(new PrepareBlockingResource());
        } catch (JMSException | NamingException | SystemException | RollbackException e) {
            throw new IllegalStateException("processing " + message, e);
        }
    }

    /** What the bean sends for an order {@code text}. */
    public static String processed(String text) {
        return "processed " + text;
    }
}

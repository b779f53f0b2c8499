package dev.bolide.shop.messaging;

import dev.bolide.shop.order.OrderStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Sends the shop's messages through the adapter's XA connection factory, inside the caller's JTA
 * transaction: a send is a half message until that transaction commits, together with the database
 * changes beside it, and is never seen if it rolls back. Every message carries the order id as
 * its key ({@code JMSCorrelationID}, RocketMQ's {@code KEYS}) and as the property {@code orderId}.
 */
@ConnectionFactoryDefinition(name = ShopMessages.FACTORY, resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.ConnectionFactory",
        transactionSupport = TransactionSupportLevel.XATransaction)
@AdministeredObjectDefinition(name = "java:app/jms/OrderCancel", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Topic", className = "dev.bolide.ra.admin.AdministeredTopic",
        properties = "name=" + ShopTopics.ORDER_CANCEL)
@AdministeredObjectDefinition(name = "java:app/jms/UnpaidCheck", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Queue", className = "dev.bolide.ra.admin.AdministeredQueue",
        properties = "name=" + ShopTopics.UNPAID_CHECK)
@AdministeredObjectDefinition(name = "java:app/jms/OrderPaid", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Topic", className = "dev.bolide.ra.admin.AdministeredTopic",
        properties = "name=" + ShopTopics.ORDER_PAID)
@AdministeredObjectDefinition(name = "java:app/jms/OrderStatus", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Queue", className = "dev.bolide.ra.admin.AdministeredQueue",
        properties = "name=" + ShopTopics.ORDER_STATUS)
@AdministeredObjectDefinition(name = ShopMessages.TOP_UP_TOPIC, resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Topic", className = "dev.bolide.ra.admin.AdministeredTopic",
        properties = "name=" + ShopTopics.TOP_UP)
@Stateless
public class ShopMessages {
    public static final String FACTORY = "java:app/jms/ShopFactory";
    public static final String TOP_UP_TOPIC = "java:app/jms/TopUp";
    public static final String ORDER_ID = "orderId";

    @Resource(lookup = FACTORY)
    private ConnectionFactory factory;
    @Resource(lookup = "java:app/jms/OrderCancel")
    private Topic orderCancel;
    @Resource(lookup = "java:app/jms/UnpaidCheck")
    private Queue unpaidCheck;
    @Resource(lookup = "java:app/jms/OrderPaid")
    private Topic orderPaid;
    @Resource(lookup = "java:app/jms/OrderStatus")
    private Queue orderStatus;

    /** Tells every service to undo its part of the order. */
    public void sendCancel(long orderId) {
        send(orderCancel, orderId, Duration.ZERO, message -> { });
    }

    /** Asks, {@code after} from now, whether the order is still unpaid (a JMS delivery delay). */
    public void sendUnpaidCheck(long orderId, Duration after) {
        send(unpaidCheck, orderId, after, message -> { });
    }

    public void sendPaid(long orderId, long userId, BigDecimal amount) {
        send(orderPaid, orderId, Duration.ZERO, message -> {
            message.setLongProperty("userId", userId);
            message.setStringProperty("amount", amount.toPlainString());
        });
    }

    /**
     * The order's {@code change}-th status change. {@code JMSXGroupID} = order id: the producer
     * sends one group's messages to one RocketMQ queue, so they are consumed in order.
     */
    public void publishStatus(long orderId, int change, OrderStatus status) {
        send(orderStatus, orderId, Duration.ZERO, message -> {
            message.setStringProperty("JMSXGroupID", Long.toString(orderId));
            message.setIntProperty("change", change);
            message.setStringProperty("status", status.name());
        });
    }

    private void send(Destination destination, long orderId, Duration delay, MessageFilling filling) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            Message message = session.createTextMessage(Long.toString(orderId));
            message.setJMSCorrelationID(Long.toString(orderId));
            message.setLongProperty(ORDER_ID, orderId);
            filling.fill(message);
            MessageProducer producer = session.createProducer(destination);
            producer.setDeliveryDelay(delay.toMillis());
            producer.send(message);
        } catch (JMSException e) {
            throw new MessagingFailedException("sending to " + destination + " for order " + orderId, e);
        }
    }

    /** Sets a message's type-specific properties. */
    @FunctionalInterface
    private interface MessageFilling {
        void fill(Message message) throws JMSException;
    }
}

package dev.bolide.ra.outbound;

import dev.bolide.client.jms.HalfMessage;
import dev.bolide.client.jms.HalfMessageSession;
import dev.bolide.client.spi.AcknowledgingSession;
import dev.bolide.client.spi.AdapterSession;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionInProgressException;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session handle an application gets in the container (Jakarta Messaging 3.1, 12.3): whatever
 * it asked for, it works on its managed connection's session, transacted by the server's
 * transaction while there is one and auto-acknowledged otherwise; its own commit and rollback are
 * refused. Its producers and consumers are the session's, restricted by {@link ContainerRestrictions};
 * closing the handle closes them (not the shared session, which lives as long as its managed connection).
 */
final class ContainerSession implements QueueSession, TopicSession, AcknowledgingSession, HalfMessageSession {
    private static final System.Logger LOG = System.getLogger(ContainerSession.class.getName());

    private final ContainerConnection connection;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ContainerSession(ContainerConnection connection) {
        this.connection = connection;
    }

    private AdapterSession session() throws JMSException {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        return connection.managedSession();
    }

    private <T extends AutoCloseable> T opened(T object) {
        opened.add(object);
        return object;
    }

    private MessageProducer producer(MessageProducer producer) {
        return opened(ContainerRestrictions.restrict(producer, MessageProducer.class, QueueSender.class,
                TopicPublisher.class));
    }

    private MessageConsumer consumer(MessageConsumer consumer) {
        return opened(ContainerRestrictions.restrict(consumer, MessageConsumer.class, QueueReceiver.class,
                TopicSubscriber.class));
    }

    // --- transactions: the server's

    @Override
    public boolean getTransacted() throws JMSException {
        session();
        return connection.inTransaction();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        return getTransacted() ? SESSION_TRANSACTED : AUTO_ACKNOWLEDGE;
    }

    @Override
    public void commit() throws JMSException {
        throw refusedDemarcation("commit");
    }

    @Override
    public void rollback() throws JMSException {
        throw refusedDemarcation("rollback");
    }

    private JMSException refusedDemarcation(String what) throws JMSException {
        if (getTransacted()) {
            return new TransactionInProgressException(what + " is the transaction manager's: use the JTA "
                    + "transaction (or setRollbackOnly) instead");
        }
        return new IllegalStateException(what + " is not allowed: in the container a session outside a JTA "
                + "transaction is not transacted");
    }

    /** Outside a JTA transaction only: in one, the transaction already makes the sends atomic. */
    @Override
    public HalfMessage sendHalf(Destination destination, Message message, String producerGroup) throws JMSException {
        if (getTransacted()) {
            throw new IllegalStateException("half messages are refused in a JTA transaction: the transaction "
                    + "already makes the sends atomic, send in it instead");
        }
        return session().sendHalf(destination, message, producerGroup);
    }

    @Override
    public void recover() throws JMSException {
        session().recover();
    }

    @Override
    public void acknowledge() throws JMSException {
        session().acknowledge();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        return session().getMessageListener();
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw new IllegalStateException("setMessageListener is not allowed in a Jakarta EE web or EJB container");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("session message listeners are not supported");
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        connection.sessionClosed(this);
        JMSException failure = closeOpened();
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes the producers, consumers and browsers made through this handle; returns the last failure. */
    private JMSException closeOpened() {
        JMSException failure = null;
        for (AutoCloseable object : opened) {
            try {
                object.close();
            } catch (Exception e) {
                failure = e instanceof JMSException jms ? jms : closeFailure(object, e);
            }
        }
        opened.clear();
        return failure;
    }

    /** A close that failed with an unchecked exception, reported as the JMSException close declares. */
    private static JMSException closeFailure(AutoCloseable object, Exception cause) {
        JMSException failure = new JMSException("closing " + object + " failed: " + cause);
        failure.setLinkedException(cause);
        failure.initCause(cause);
        return failure;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * The connection went back to the pool: this handle is unusable, and what the application left
     * open through it is closed, so that the shared session has no consumer of a former user.
     */
    void invalidate() {
        closed = true;
        JMSException failure = closeOpened();
        if (failure != null) {
            LOG.log(System.Logger.Level.DEBUG, "closing what a handle left open failed: {0}", failure.toString());
        }
    }

    // --- producers and consumers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return producer(session().createProducer(destination));
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return consumer(session().createConsumer(destination));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return consumer(session().createConsumer(destination, messageSelector));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return consumer(session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return consumer(session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return (TopicSubscriber) consumer(session().createDurableSubscriber(topic, name));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return (TopicSubscriber) consumer(session().createDurableSubscriber(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return consumer(session().createDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return consumer(session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return consumer(session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return opened(session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        return opened(session().createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        session().unsubscribe(name);
    }

    // --- destinations and messages

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        return session().createQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        return session().createTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        return session().createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        return session().createTemporaryTopic();
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return session().createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return session().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return session().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return session().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return session().createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return session().createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return session().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        return session().createTextMessage(text);
    }
}

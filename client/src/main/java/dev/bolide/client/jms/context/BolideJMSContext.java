package dev.bolide.client.jms.context;

import static dev.bolide.client.jms.context.JmsRuntimeExceptions.run;
import static dev.bolide.client.jms.context.JmsRuntimeExceptions.translate;

import dev.bolide.client.jms.HalfMessage;
import dev.bolide.client.jms.HalfMessageSession;
import dev.bolide.client.jms.connection.BolideConnection;
import dev.bolide.client.spi.AcknowledgingSession;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;

/**
 * A JMSContext: one session on a connection that {@link #createContext} shares with further
 * contexts (closed with the last one). With auto-start (the default) the connection starts when the
 * context makes its first consumer.
 */
public class BolideJMSContext implements JMSContext, HalfMessageSession {
    private final SharedConnection shared;
    private final AcknowledgingSession session;
    private final int sessionMode;
    private volatile boolean autoStart = true;
    private volatile boolean closed;

    private BolideJMSContext(SharedConnection shared, int sessionMode) throws JMSException {
        this.shared = shared;
        this.sessionMode = sessionMode;
        this.session = shared.connection() instanceof BolideConnection bolide ? bolide.createContextSession(sessionMode)
                : (AcknowledgingSession) shared.connection().createSession(sessionMode);
    }

    /**
     * A context owning {@code connection} over {@code session}, a session of it made by the caller
     * (an XA session): closing the context closes both.
     */
    protected BolideJMSContext(Connection connection, AcknowledgingSession session, int sessionMode) {
        this.shared = new SharedConnection(connection);
        this.session = session;
        this.sessionMode = sessionMode;
    }

    /**
     * A context owning {@code connection}: closing the context closes it. The connection's sessions
     * must be {@link AcknowledgingSession}s: Bolide's own, or a resource adapter's handles.
     */
    public static JMSContext open(Connection connection, int sessionMode) throws JMSException {
        try {
            return new BolideJMSContext(new SharedConnection(connection), sessionMode);
        } catch (JMSException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        checkOpen();
        shared.use();
        try {
            return new BolideJMSContext(shared, sessionMode);
        } catch (JMSException e) {
            run(shared::release);
            throw JmsRuntimeExceptions.of(e);
        }
    }

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        return new BolideJMSProducer(this, translate(() -> session.createProducer(null)));
    }

    /** As its session's; refused with an IllegalStateRuntimeException when the context is transacted. */
    @Override
    public HalfMessage sendHalf(Destination destination, Message message, String producerGroup) {
        checkOpen();
        if (!(session instanceof HalfMessageSession halves)) {
            throw new IllegalStateRuntimeException("this context's session cannot send half messages");
        }
        return translate(() -> halves.sendHalf(destination, message, producerGroup));
    }

    @Override
    public String getClientID() {
        return translate(() -> connection().getClientID());
    }

    @Override
    public void setClientID(String clientID) {
        run(() -> connection().setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        return translate(() -> connection().getMetaData());
    }

    @Override
    public ExceptionListener getExceptionListener() {
        return translate(() -> connection().getExceptionListener());
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        run(() -> connection().setExceptionListener(listener));
    }

    @Override
    public void start() {
        run(() -> connection().start());
    }

    @Override
    public void stop() {
        run(() -> connection().stop());
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        run(() -> {
            session.close();
            closed = true;
            shared.release();
        });
    }

    @Override
    public BytesMessage createBytesMessage() {
        return translate(session::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return translate(session::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return translate(session::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return translate(() -> session.createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return translate(() -> session.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return translate(session::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return translate(() -> session.createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return translate(() -> session.createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return translate(session::getTransacted);
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        run(session::commit);
    }

    @Override
    public void rollback() {
        run(session::rollback);
    }

    @Override
    public void recover() {
        run(session::recover);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(() -> session.createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> session.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> session.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> session.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> session.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> session.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> session.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> session.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> session.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    private JMSConsumer consumer(JmsRuntimeExceptions.JmsCall<MessageConsumer> create) {
        MessageConsumer consumer = translate(create);
        if (autoStart) {
            start();
        }
        return new BolideJMSConsumer(consumer);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return translate(() -> session.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return translate(() -> session.createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        return translate(() -> session.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return translate(() -> session.createTopic(topicName));
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> session.unsubscribe(name));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return translate(session::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return translate(session::createTemporaryTopic);
    }

    @Override
    public void acknowledge() {
        run(session::acknowledge);
    }

    AcknowledgingSession session() {
        return session;
    }

    private Connection connection() {
        checkOpen();
        return shared.connection();
    }

    protected final void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("the context is closed");
        }
    }
}

package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import org.junit.jupiter.api.Test;

/** What Jakarta Messaging 3.1 chapter 12 forbids in the container, refused by the handles. */
class ContainerRulesTest extends OutboundTestBase {
    private static final CompletionListener IGNORED = new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    };

    @Test
    void aConnectionHasOneSessionAtATime() throws Exception {
        Connection connection = handle(managedConnection());
        connection.createSession();

        assertThatThrownBy(() -> connection.createSession(true, Session.SESSION_TRANSACTED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most one session");
    }

    @Test
    void aClosedSessionMakesRoomForTheNext() throws Exception {
        Connection connection = handle(managedConnection());
        connection.createSession().close();

        assertThat(connection.createSession()).isNotNull();
    }

    @Test
    void setClientIdIsRefused() throws Exception {
        Connection connection = handle(managedConnection());

        assertThatThrownBy(() -> connection.setClientID("shop")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setExceptionListenerIsRefused() throws Exception {
        Connection connection = handle(managedConnection());

        assertThatThrownBy(() -> connection.setExceptionListener(e -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopIsRefused() throws Exception {
        Connection connection = handle(managedConnection());

        assertThatThrownBy(connection::stop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void connectionConsumersAreRefused() throws Exception {
        Connection connection = handle(managedConnection());
        Queue queue = connection.createSession().createQueue("Orders");

        assertThatThrownBy(() -> connection.createConnectionConsumer(queue, null, null, 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionMessageListenersAreRefused() throws Exception {
        Session session = handle(managedConnection()).createSession();

        assertThatThrownBy(() -> session.setMessageListener(message -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consumerMessageListenersAreRefused() throws Exception {
        String queue = fresh("Orders");
        sendOutside(queue, "the topic exists once it has a message");
        Session session = handle(managedConnection()).createSession();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));

        assertThatThrownBy(() -> consumer.setMessageListener(message -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void asynchronousSendsAreRefused() throws Exception {
        Session session = handle(managedConnection()).createSession();
        MessageProducer producer = session.createProducer(session.createQueue(fresh("Orders")));

        assertThatThrownBy(() -> producer.send(session.createTextMessage("async"), IGNORED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void outsideATransactionTheSessionIsAutoAcknowledgedWhateverWasAsked() throws Exception {
        Session session = handle(managedConnection()).createSession(true, Session.CLIENT_ACKNOWLEDGE);

        assertThat(session.getTransacted()).isFalse();
        assertThat(session.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    void outsideATransactionCommitIsRefused() throws Exception {
        Session session = handle(managedConnection()).createSession(Session.SESSION_TRANSACTED);

        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void insideATransactionTheSessionIsTransacted() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Session session = handle(managed).createSession();

        managed.getLocalTransaction().begin();

        assertThat(session.getTransacted()).isTrue();
        assertThat(session.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
    }

    @Test
    void insideATransactionCommitAndRollbackAreTheTransactionManagers() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Session session = handle(managed).createSession();
        managed.getLocalTransaction().begin();

        assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(TransactionInProgressException.class);
    }

    @Test
    void aContextRefusesSetClientId() throws Exception {
        try (JMSContext context = contextFactory().createContext()) {
            assertThatThrownBy(() -> context.setClientID("shop")).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void aContextRefusesAsynchronousSends() throws Exception {
        try (JMSContext context = contextFactory().createContext()) {
            Queue queue = context.createQueue(fresh("Orders"));

            assertThatThrownBy(() -> context.createProducer().setAsync(IGNORED).send(queue, "async"))
                    .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("asynchronous");
        }
    }

    @Test
    void aContextRefusesMessageListeners() throws Exception {
        String name = fresh("Orders");
        sendOutside(name, "the topic exists once it has a message");
        try (JMSContext context = contextFactory().createContext()) {
            Queue queue = context.createQueue(name);

            assertThatThrownBy(() -> context.createConsumer(queue).setMessageListener(message -> { }))
                    .isInstanceOf(JMSRuntimeException.class);
        }
    }

    /** A second context would be a second session on the connection. */
    @Test
    void aContextRefusesCreateContext() throws Exception {
        try (JMSContext context = contextFactory().createContext()) {
            assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                    .isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    private static ContainerConnectionFactory contextFactory() {
        return (ContainerConnectionFactory) factory.createConnectionFactory();
    }
}

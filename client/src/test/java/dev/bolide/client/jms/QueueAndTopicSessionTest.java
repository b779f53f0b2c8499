package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** A QueueSession serves queues only and a TopicSession topics only; a Session serves both. */
class QueueAndTopicSessionTest extends JmsTestBase {
    @Test
    void aQueueSessionRefusesTheMethodsOfTopics() throws Exception {
        QueueConnection connection = started(factory("clientId", "queue-session").createQueueConnection());
        QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicSession asTopicSession = (TopicSession) session;
        var topic = connection.createSession().createTopic(fresh("TopicOfQueueSession"));

        assertRefused(() -> asTopicSession.createTopic("t"));
        assertRefused(asTopicSession::createTemporaryTopic);
        assertRefused(() -> asTopicSession.createDurableSubscriber(topic, "d"));
        assertRefused(() -> asTopicSession.createDurableConsumer(topic, "d"));
        assertRefused(() -> asTopicSession.createSharedConsumer(topic, "s"));
        assertRefused(() -> asTopicSession.createSharedDurableConsumer(topic, "s"));
        assertRefused(() -> asTopicSession.unsubscribe("d"));
        assertThat(session.createTemporaryQueue()).isNotNull();
    }

    @Test
    void aTopicSessionRefusesTheMethodsOfQueues() throws Exception {
        TopicConnection connection = started(factory().createTopicConnection());
        TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueSession asQueueSession = (QueueSession) session;
        var queue = connection.createSession().createQueue(fresh("QueueOfTopicSession"));

        assertRefused(() -> asQueueSession.createQueue("q"));
        assertRefused(asQueueSession::createTemporaryQueue);
        assertRefused(() -> asQueueSession.createBrowser(queue));
        assertRefused(() -> asQueueSession.createBrowser(queue, "a = 1"));
        assertThat(session.createTemporaryTopic()).isNotNull();
    }

    @Test
    void aSessionServesQueuesAndTopics() throws Exception {
        Session session = connection().createSession();
        assertThat(session.createTemporaryQueue()).isNotNull();
        assertThat(session.createTemporaryTopic()).isNotNull();
        assertThat(session.createBrowser(session.createQueue(fresh("Both")))).isNotNull();
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalStateException.class);
    }
}

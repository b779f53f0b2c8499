package dev.bolide.client.jms.session;

import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.client.jms.consumer.GroupReader;
import dev.bolide.client.jms.consumer.StartPosition;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What a session needs of its connection. */
public interface SessionConnection {
    RocketMqClient client();

    ConnectionSettings settings();

    /** Stamped on sent messages, so that noLocal consumers of this connection can skip them. */
    String connectionId();

    /** The client id, now fixed (it can no longer be set); null when there is none. */
    String clientIdOrNull();

    ScheduledExecutorService scheduler();

    /**
     * The threads the connection's sessions borrow to call listeners and completion listeners: as
     * many as run at once, none while the sessions are idle.
     */
    Executor sessionThreads();

    /** The connection's member of the group, joined on first use. */
    GroupReader reader(String group, Subscription subscription, StartPosition start) throws JMSException;

    /** The reader's last local consumer closed. */
    void readerUnused(GroupReader reader);

    /** Whether a consumer of this connection reads the group now. */
    boolean groupActive(String group);

    boolean isTemporary(String topic);

    /** Whether this connection created the temporary topic (only it may consume from it). */
    boolean ownsTemporary(String topic);

    TemporaryQueue createTemporaryQueue() throws JMSException;

    TemporaryTopic createTemporaryTopic() throws JMSException;

    boolean awaitStarted(long deadlineNanos) throws InterruptedException;

    boolean isStarted();

    boolean isClosed();

    void sessionClosed(BolideSession session);
}

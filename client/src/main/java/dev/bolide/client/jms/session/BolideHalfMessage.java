package dev.bolide.client.jms.session;

import dev.bolide.client.jms.HalfMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.SentHalfMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

/** A half message sent by a session, decided with END_TRANSACTION over the session's connection. */
final class BolideHalfMessage implements HalfMessage {
    private final SentHalfMessage sent;
    private final RocketMqClient client;
    private final BolideSession session;
    private boolean decided;

    BolideHalfMessage(SentHalfMessage sent, RocketMqClient client, BolideSession session) {
        this.sent = sent;
        this.client = client;
        this.session = session;
    }

    @Override
    public String getJMSMessageID() {
        return "ID:" + sent.msgId();
    }

    @Override
    public void commit() throws JMSException {
        decide(true);
    }

    @Override
    public void rollback() throws JMSException {
        decide(false);
    }

    /** Marked decided only once the broker took the decision, so that a failed one can be tried again. */
    private synchronized void decide(boolean commit) throws JMSException {
        session.checkOpen();
        if (decided) {
            throw new IllegalStateException("half message " + getJMSMessageID() + " is decided already");
        }
        try {
            client.endTransaction(sent, commit);
        } catch (RocketMqException e) {
            throw JmsFailure.of((commit ? "committing" : "rolling back") + " half message " + getJMSMessageID()
                    + " failed (unless decided, the broker checks back with producer group "
                    + sent.producerGroup() + ")", e);
        }
        decided = true;
    }
}

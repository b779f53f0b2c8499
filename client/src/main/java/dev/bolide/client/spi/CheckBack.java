package dev.bolide.client.spi;

import dev.bolide.client.jms.mapping.ReceivedRecord;
import dev.bolide.client.jms.mapping.RocketMqMapping;
import dev.bolide.client.rocketmq.TransactionCheck;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A broker's check-back of one undecided half message of a producer group: answered with
 * {@link #commit()} or {@link #rollback()} at most once, at any time; no answer means "unknown", and
 * the broker asks again later.
 */
public final class CheckBack {
    private final TransactionCheck check;

    CheckBack(TransactionCheck check) {
        this.check = check;
    }

    /** The half message as the producer sent it, as a Jakarta Messaging message. */
    public Message halfMessage() throws JMSException {
        return new RocketMqMapping().toJms(ReceivedRecord.of(check.halfMessage()));
    }

    /** The half message's RocketMQ message id, for logs. */
    public String messageId() {
        return check.halfMessage().msgId();
    }

    /** Delivers the half message to its consumers. */
    public void commit() {
        check.commit();
    }

    /** Discards the half message. */
    public void rollback() {
        check.rollback();
    }
}

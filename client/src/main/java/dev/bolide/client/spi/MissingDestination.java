package dev.bolide.client.spi;

import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.JMSException;

/**
 * Recognises the client's refusal to consume a topic that has no route yet (nothing was sent to it),
 * so that an adapter's delivery can wait for the destination instead of failing its activation.
 */
public final class MissingDestination {
    private MissingDestination() {
    }

    public static boolean isCause(JMSException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RocketMqException rocketMq && rocketMq.responseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return true;
            }
        }
        return false;
    }
}

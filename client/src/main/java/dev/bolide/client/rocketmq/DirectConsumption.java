package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;

/**
 * The answer to CONSUME_MESSAGE_DIRECTLY (mqadmin {@code queryMsgByUniqueKey} or {@code queryMsgById}
 * with {@code -g GROUP -d CLIENT}): refused, saying why, with the code RocketMQ's own client answers
 * for its consumers that cannot (pull consumers: SYSTEM_ERROR). A RocketMQ push consumer runs its
 * listener on the message and reports the listener's status. This client's consumers are Jakarta
 * Messaging consumers and message-driven beans: they take a queue's messages in order, and each is
 * acknowledged, committed or rolled back through a session (or an XA transaction). A message handed
 * in from outside that order could be neither acknowledged nor rolled back, would reach a listener
 * out of order, and a consumer that calls {@code receive} has no listener to hand it to; consuming it
 * "directly" would only be honest as a redelivery, which resetting the group's offsets already is.
 */
final class DirectConsumption {
    private DirectConsumption() {
    }

    static RemotingCommand refused(RemotingCommand request, String clientId) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, String.format("Bolide's Jakarta "
                + "Messaging client %s does not consume messages directly for group %s: its consumers receive a "
                + "queue's messages in order, each acknowledged or rolled back through its session, and a message "
                + "handed in by mqadmin could be neither. To have the group receive messages again, reset its "
                + "offsets (mqadmin resetOffsetByTime); to read the message, leave out -g and -d.", clientId,
                request.field("consumerGroup")), null, null);
    }
}

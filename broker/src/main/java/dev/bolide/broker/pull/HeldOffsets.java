package dev.bolide.broker.pull;

import dev.bolide.store.MessageFilter;

/**
 * Messages a consumer group must not be delivered from a queue although its offset is below them:
 * those received in an XA branch that is prepared (in doubt) or decided, which the branch consumed
 * or sent back to the group's retry topic.
 */
public interface HeldOffsets {
    /** Nothing held (a slave, which decides no branch). */
    HeldOffsets NONE = (group, topic, queueId, filter) -> filter;

    /** {@code filter}, also refusing the messages of the queue held from {@code group}. */
    MessageFilter around(String group, String topic, int queueId, MessageFilter filter);
}

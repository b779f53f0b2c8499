package dev.bolide.broker.pull;

import dev.bolide.protocol.remoting.RemotingCommand;

/** The custom header of PULL_MESSAGE. */
record PullRequestHeader(String consumerGroup, String topic, int queueId, long queueOffset, int maxMsgNums,
        int sysFlag, long commitOffset, long suspendTimeoutMillis, String subscription, String expressionType) {
    /** PullSysFlag: the request carries the consumer's committed offset. */
    static final int FLAG_COMMIT_OFFSET = 0x1;
    /** PullSysFlag: the broker may hold the request until a message arrives (long polling). */
    static final int FLAG_SUSPEND = 0x2;
    /** PullSysFlag: the request carries its subscription expression. */
    static final int FLAG_SUBSCRIPTION = 0x4;

    /** @throws IllegalArgumentException naming the field that is missing or not a number */
    static PullRequestHeader of(RemotingCommand request) {
        return new PullRequestHeader(request.requiredField("consumerGroup"), request.requiredField("topic"),
                request.intField("queueId"), request.longField("queueOffset"), request.intField("maxMsgNums"),
                request.intField("sysFlag"), request.longField("commitOffset"),
                request.longField("suspendTimeoutMillis"), request.field("subscription"), request.field("expressionType"));
    }

    boolean hasCommitOffset() {
        return (sysFlag & FLAG_COMMIT_OFFSET) != 0;
    }

    boolean maySuspend() {
        return (sysFlag & FLAG_SUSPEND) != 0;
    }

    boolean hasSubscription() {
        return (sysFlag & FLAG_SUBSCRIPTION) != 0;
    }
}

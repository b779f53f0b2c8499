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
        return new PullRequestHeader(required(request, "consumerGroup"), required(request, "topic"),
                (int) number(request, "queueId"), number(request, "queueOffset"), (int) number(request, "maxMsgNums"),
                (int) number(request, "sysFlag"), number(request, "commitOffset"),
                number(request, "suspendTimeoutMillis"), request.field("subscription"), request.field("expressionType"));
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

    private static String required(RemotingCommand request, String name) {
        String value = request.field(name);
        if (value == null) {
            throw new IllegalArgumentException("pull request without " + name);
        }
        return value;
    }

    private static long number(RemotingCommand request, String name) {
        String value = required(request, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pull request field " + name + " is not a number: " + value);
        }
    }
}

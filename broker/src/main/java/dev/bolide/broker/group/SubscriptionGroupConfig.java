package dev.bolide.broker.group;

/**
 * How the broker treats one consumer group, RocketMQ's {@code SubscriptionGroupConfig}.
 *
 * @param retryMaxTimes how often a message is redelivered before it goes to the dead-letter queue
 * @param retryQueueNums queues of the group's {@code %RETRY%} topic
 * @param brokerId the broker consumers are told to pull from when this one is not slow
 */
public record SubscriptionGroupConfig(String groupName, boolean consumeEnable, boolean consumeFromMinEnable,
        boolean consumeBroadcastEnable, int retryQueueNums, int retryMaxTimes, long brokerId,
        long whichBrokerWhenConsumeSlowly, boolean notifyConsumerIdsChangedEnable) {

    /** RocketMQ's defaults, used for auto-created groups. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return new SubscriptionGroupConfig(groupName, true, true, true, 1, 16, 0, 1, true);
    }
}

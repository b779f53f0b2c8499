package dev.bolide.client.rocketmq;

/**
 * Where a group member stands in one of its queues, as mqadmin {@code consumerStatus} shows it
 * (RocketMQ's ProcessQueueInfo).
 *
 * @param commitOffset         the offset committed last (-1: none yet)
 * @param cachedMinOffset      the lowest offset pulled and not yet acknowledged (0: none)
 * @param cachedMaxOffset      the highest such offset (0: none)
 * @param cachedCount          how many messages are pulled and not yet acknowledged
 * @param lastPullTimestamp    when a pull of the queue was last answered (ms since the epoch, 0: never)
 * @param lastConsumeTimestamp when a message of the queue was last acknowledged (0: never)
 */
public record QueueProgress(long commitOffset, long cachedMinOffset, long cachedMaxOffset, int cachedCount,
        long lastPullTimestamp, long lastConsumeTimestamp) {
}

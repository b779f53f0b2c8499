package dev.bolide.client.rocketmq;

import java.time.Duration;

/**
 * One PULL_MESSAGE.
 *
 * @param longPoll     how long the broker may hold the request when nothing is there; zero for none
 * @param commitOffset an offset the broker stores for the group on the way, or {@link #NO_COMMIT}
 * @param subscription sent with the request; null to use what the group's heartbeat registered
 */
public record PullRequest(String group, MessageQueue queue, long offset, int maxMessages, Duration longPoll,
        long commitOffset, Subscription subscription) {
    public static final long NO_COMMIT = -1;

    /** A long-polling pull that commits nothing and carries its subscription. */
    public static PullRequest of(String group, MessageQueue queue, long offset, int maxMessages, Duration longPoll,
            Subscription subscription) {
        return new PullRequest(group, queue, offset, maxMessages, longPoll, NO_COMMIT, subscription);
    }
}

package dev.bolide.broker.retry;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.send.Destination;
import dev.bolide.broker.send.Diversion;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Sends to a retry topic made by a client itself (its fallback when CONSUMER_SEND_MSG_BACK failed,
 * and how orderly consumers give up on a message) go to the group's dead-letter queue once their
 * reconsume count reaches the limit: the one the client sent, else the group's
 * {@code retryMaxTimes}.
 */
public final class ExhaustedRetries implements Diversion {
    private final SubscriptionGroupTable groups;
    private final DeadLetters deadLetters;

    public ExhaustedRetries(SubscriptionGroupTable groups, RetryTopics topics) {
        this.groups = groups;
        this.deadLetters = new DeadLetters(topics);
    }

    @Override
    public Destination divert(Destination requested, Map<String, String> properties, int reconsumeTimes,
            int maxReconsumeTimes) throws IOException {
        Optional<String> group = RetryTopics.groupOfRetryTopic(requested.topic());
        if (group.isEmpty()) {
            return requested;
        }
        int limit = maxReconsumeTimes >= 0 ? maxReconsumeTimes : groups.findOrCreate(group.get())
                .map(SubscriptionGroupConfig::retryMaxTimes)
                .orElse(SubscriptionGroupConfig.defaults(group.get()).retryMaxTimes());
        return reconsumeTimes < limit ? requested : deadLetters.divert(group.get(), properties, reconsumeTimes);
    }
}

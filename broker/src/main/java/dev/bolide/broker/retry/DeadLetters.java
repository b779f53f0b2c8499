package dev.bolide.broker.retry;

import dev.bolide.broker.send.Destination;
import dev.bolide.protocol.message.PropertyKeys;
import java.io.IOException;
import java.util.Map;

/**
 * Where a message goes when its group gave up on it: queue 0 of {@code %DLQ%<group>}, undelayed,
 * its reconsume count also in {@code RECONSUME_TIME} so that tools listing properties show it. The
 * rest stays as it was: {@code RETRY_TOPIC} (the original topic), {@code ORIGIN_MESSAGE_ID}, keys,
 * tags, unique id.
 */
final class DeadLetters {
    private final RetryTopics topics;

    DeadLetters(RetryTopics topics) {
        this.topics = topics;
    }

    /** @param properties the message's properties, changed for its new place */
    Destination divert(String group, Map<String, String> properties, int reconsumeTimes) throws IOException {
        properties.remove(PropertyKeys.DELAY_TIME_LEVEL);
        properties.put(PropertyKeys.RECONSUME_TIME, Integer.toString(reconsumeTimes));
        return new Destination(topics.deadLetterTopicOf(group).topicName(), 0);
    }
}

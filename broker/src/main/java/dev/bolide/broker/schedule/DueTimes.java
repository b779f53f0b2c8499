package dev.bolide.broker.schedule;

import dev.bolide.store.TagsCode;

/**
 * ConsumeQueue tags codes as RocketMQ writes them: a schedule queue's unit carries its message's
 * due time (nobody filters those queues by tag), every other unit the hash of the message's tags.
 */
public record DueTimes(DelayLevels levels) implements TagsCode {
    @Override
    public long of(String topic, int queueId, String properties, long storeTimestamp) {
        if (!topic.equals(ScheduleTopic.NAME)) {
            return TagsCode.ofTags(properties);
        }
        return levels.dueTime(levels.clamp(ScheduleTopic.levelOf(queueId)), storeTimestamp);
    }
}

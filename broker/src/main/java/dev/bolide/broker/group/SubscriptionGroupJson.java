package dev.bolide.broker.group;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A {@link SubscriptionGroupConfig} as RocketMQ writes it, in {@code subscriptionGroup.json} and in
 * the bodies of UPDATE_AND_CREATE_SUBSCRIPTIONGROUP and GET_ALL_SUBSCRIPTIONGROUP_CONFIG. Fields
 * left out keep their defaults; unknown fields are skipped.
 */
final class SubscriptionGroupJson {
    private SubscriptionGroupJson() {
    }

    static void write(JsonGenerator json, SubscriptionGroupConfig group) throws IOException {
        json.writeStartObject();
        json.writeNumberField("brokerId", group.brokerId());
        json.writeBooleanField("consumeBroadcastEnable", group.consumeBroadcastEnable());
        json.writeBooleanField("consumeEnable", group.consumeEnable());
        json.writeBooleanField("consumeFromMinEnable", group.consumeFromMinEnable());
        json.writeStringField("groupName", group.groupName());
        json.writeBooleanField("notifyConsumerIdsChangedEnable", group.notifyConsumerIdsChangedEnable());
        json.writeNumberField("retryMaxTimes", group.retryMaxTimes());
        json.writeNumberField("retryQueueNums", group.retryQueueNums());
        json.writeNumberField("whichBrokerWhenConsumeSlowly", group.whichBrokerWhenConsumeSlowly());
        json.writeEndObject();
    }

    /**
     * Reads the object the parser is positioned on.
     *
     * @param name the group's name when the object may omit it (the table's key), else null
     * @throws IllegalArgumentException when the group has no name
     */
    static SubscriptionGroupConfig read(JsonParser json, String name) throws IOException {
        SubscriptionGroupConfig d = SubscriptionGroupConfig.defaults(name);
        String groupName = name;
        boolean consumeEnable = d.consumeEnable();
        boolean fromMin = d.consumeFromMinEnable();
        boolean broadcast = d.consumeBroadcastEnable();
        int retryQueues = d.retryQueueNums();
        int retryMax = d.retryMaxTimes();
        long brokerId = d.brokerId();
        long whenSlow = d.whichBrokerWhenConsumeSlowly();
        boolean notify = d.notifyConsumerIdsChangedEnable();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "groupName" -> groupName = json.getValueAsString();
                case "consumeEnable" -> consumeEnable = json.getValueAsBoolean();
                case "consumeFromMinEnable" -> fromMin = json.getValueAsBoolean();
                case "consumeBroadcastEnable" -> broadcast = json.getValueAsBoolean();
                case "retryQueueNums" -> retryQueues = json.getValueAsInt();
                case "retryMaxTimes" -> retryMax = json.getValueAsInt();
                case "brokerId" -> brokerId = json.getValueAsLong();
                case "whichBrokerWhenConsumeSlowly" -> whenSlow = json.getValueAsLong();
                case "notifyConsumerIdsChangedEnable" -> notify = json.getValueAsBoolean();
                default -> json.skipChildren();
            }
        }
        if (groupName == null || groupName.isBlank()) {
            throw new IllegalArgumentException("subscription group without groupName");
        }
        return new SubscriptionGroupConfig(groupName, consumeEnable, fromMin, broadcast, retryQueues, retryMax,
                brokerId, whenSlow, notify);
    }
}

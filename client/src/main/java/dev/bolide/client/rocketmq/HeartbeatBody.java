package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of HEART_BEAT: the client id, its consumer groups with their subscriptions (pulled
 * actively, clustering, from the last offset) and its producer groups.
 */
final class HeartbeatBody {
    private static final JsonFactory JSON = new JsonFactory();

    private HeartbeatBody() {
    }

    static byte[] of(String clientId, Map<String, Collection<Subscription>> consumers, Collection<String> producers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("clientID", clientId);
            json.writeArrayFieldStart("consumerDataSet");
            for (Map.Entry<String, Collection<Subscription>> group : consumers.entrySet()) {
                consumer(json, group.getKey(), group.getValue());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("producerDataSet");
            for (String group : producers) {
                json.writeStartObject();
                json.writeStringField("groupName", group);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void consumer(JsonGenerator json, String group, Collection<Subscription> subscriptions)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("groupName", group);
        json.writeStringField("consumeType", "CONSUME_ACTIVELY");
        json.writeStringField("messageModel", "CLUSTERING");
        json.writeStringField("consumeFromWhere", "CONSUME_FROM_LAST_OFFSET");
        json.writeBooleanField("unitMode", false);
        json.writeArrayFieldStart("subscriptionDataSet");
        for (Subscription subscription : subscriptions) {
            subscription(json, subscription);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** RocketMQ's SubscriptionData: tags also listed one by one with their hash codes. */
    static void subscription(JsonGenerator json, Subscription subscription) throws IOException {
        List<String> tags = subscription.type().equals(Subscription.TAG) && !subscription.expression().equals("*")
                ? Arrays.stream(subscription.expression().split("\\|\\|")).map(String::trim)
                        .filter(t -> !t.isEmpty()).toList()
                : List.of();
        json.writeStartObject();
        json.writeStringField("topic", subscription.topic());
        json.writeStringField("subString", subscription.expression());
        json.writeStringField("expressionType", subscription.type());
        json.writeNumberField("subVersion", subscription.version());
        json.writeBooleanField("classFilterMode", false);
        json.writeArrayFieldStart("tagsSet");
        for (String tag : tags) {
            json.writeString(tag);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("codeSet");
        for (String tag : tags) {
            json.writeNumber(tag.hashCode());
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}

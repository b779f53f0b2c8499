package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.protocol.remoting.ObjectKeyJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to GET_CONSUMER_RUNNING_INFO (mqadmin {@code consumerStatus}): a group member's
 * properties, subscriptions and queues, in RocketMQ's ConsumerRunningInfo JSON. Consume rates are
 * not measured by this client, so its {@code statusTable} is empty rather than made up.
 */
final class ConsumerRunningInfo {
    private static final JsonFactory JSON = new JsonFactory();
    /** {@code MQVersion.V4_9_8}, the protocol version this client speaks. */
    private static final String CLIENT_VERSION = "V4_9_8";

    private ConsumerRunningInfo() {
    }

    static byte[] json(String group, String nameServers, long startTimestamp, Collection<Subscription> subscriptions,
            Map<MessageQueue, QueueProgress> queues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("consumerGroup", group);
            json.writeStringField("messageModel", "CLUSTERING");
            json.writeStringField("PROP_NAMESERVER_ADDR", nameServers.endsWith(";") ? nameServers : nameServers + ";");
            json.writeStringField("PROP_CONSUME_TYPE", "CONSUME_ACTIVELY");
            json.writeStringField("PROP_CONSUMEORDERLY", "false");
            json.writeStringField("PROP_CLIENT_VERSION", CLIENT_VERSION);
            json.writeStringField("PROP_CONSUMER_START_TIMESTAMP", Long.toString(startTimestamp));
            json.writeEndObject();
            json.writeArrayFieldStart("subscriptionSet");
            for (Subscription subscription : subscriptions) {
                HeartbeatBody.subscription(json, subscription);
            }
            json.writeEndArray();
            json.writeFieldName("mqTable");
            json.writeRawValue(mqTable(queues));
            json.writeObjectFieldStart("statusTable");
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String mqTable(Map<MessageQueue, QueueProgress> queues) throws IOException {
        Map<ObjectKeyJson.QueueKey, String> table = new TreeMap<>(Comparator
                .comparing(ObjectKeyJson.QueueKey::topic).thenComparing(ObjectKeyJson.QueueKey::brokerName)
                .thenComparingInt(ObjectKeyJson.QueueKey::queueId));
        for (Map.Entry<MessageQueue, QueueProgress> entry : queues.entrySet()) {
            MessageQueue queue = entry.getKey();
            table.put(new ObjectKeyJson.QueueKey(queue.brokerName(), queue.queueId(), queue.topic()),
                    processQueueInfo(entry.getValue()));
        }
        return ObjectKeyJson.queueKeyed(table);
    }

    private static String processQueueInfo(QueueProgress progress) throws IOException {
        Writer text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("commitOffset", progress.commitOffset());
            json.writeNumberField("cachedMsgMinOffset", progress.cachedMinOffset());
            json.writeNumberField("cachedMsgMaxOffset", progress.cachedMaxOffset());
            json.writeNumberField("cachedMsgCount", progress.cachedCount());
            json.writeNumberField("cachedMsgSizeInMiB", 0);
            json.writeNumberField("transactionMsgMinOffset", 0);
            json.writeNumberField("transactionMsgMaxOffset", 0);
            json.writeNumberField("transactionMsgCount", 0);
            json.writeBooleanField("locked", false);
            json.writeNumberField("tryUnlockTimes", 0);
            json.writeNumberField("lastLockTimestamp", 0);
            json.writeBooleanField("droped", false);
            json.writeNumberField("lastPullTimestamp", progress.lastPullTimestamp());
            json.writeNumberField("lastConsumeTimestamp", progress.lastConsumeTimestamp());
            json.writeEndObject();
        }
        return text.toString();
    }
}

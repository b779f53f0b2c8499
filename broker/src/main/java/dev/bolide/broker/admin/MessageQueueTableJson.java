package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.bolide.protocol.remoting.ObjectKeyJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the bodies whose maps are keyed by a MessageQueue (TopicStatsTable, ConsumeStats,
 * ResetOffsetBody) in fastjson's object-key syntax, {@code {{"brokerName":"b","queueId":0,"topic":"T"}:{...}}}: the
 * only form the 4.9 client parses for them. Jackson cannot write an object as a key, so the text
 * is assembled here, each key by protocol's {@link ObjectKeyJson.QueueKey}.
 */
final class MessageQueueTableJson {
    private final StringBuilder json = new StringBuilder("{");
    private boolean firstQueue = true;

    /** Starts the body with its scalar fields, then opens {@code offsetTable}. */
    MessageQueueTableJson(Map<String, ?> leadingFields) {
        leadingFields.forEach((name, value) -> {
            string(name);
            json.append(':').append(value).append(',');
        });
        json.append("\"offsetTable\":{");
    }

    /** Adds one queue's entry: its numeric fields, in the order given. */
    MessageQueueTableJson queue(String brokerName, String topic, int queueId, Map<String, ? extends Number> fields) {
        key(brokerName, topic, queueId);
        json.append('{');
        String separator = "";
        for (Map.Entry<String, ? extends Number> field : fields.entrySet()) {
            json.append(separator);
            string(field.getKey());
            json.append(':').append(field.getValue());
            separator = ",";
        }
        json.append('}');
        return this;
    }

    /** Adds one queue's entry whose value is a number (ResetOffsetBody's offsets). */
    MessageQueueTableJson queue(String brokerName, String topic, int queueId, long value) {
        key(brokerName, topic, queueId);
        json.append(value);
        return this;
    }

    private void key(String brokerName, String topic, int queueId) {
        if (!firstQueue) {
            json.append(',');
        }
        firstQueue = false;
        json.append(new ObjectKeyJson.QueueKey(brokerName, queueId, topic).json()).append(':');
    }

    byte[] finish() {
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void string(String value) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        json.append('"');
    }
}

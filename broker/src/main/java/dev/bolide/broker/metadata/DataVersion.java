package dev.bolide.broker.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The version of a metadata table, RocketMQ's {@code {"counter":N,"timestamp":T}}: a counter bumped
 * on every change, and when that happened. Two versions are equal when both fields are.
 */
public record DataVersion(long counter, long timestamp) {

    /** The next version, stamped {@code timestamp}. */
    public DataVersion next(long timestamp) {
        return new DataVersion(counter + 1, timestamp);
    }

    public void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("counter", counter);
        json.writeNumberField("timestamp", timestamp);
        json.writeEndObject();
    }

    /**
     * Reads the object the parser is positioned on.
     *
     * @throws IllegalArgumentException when the parser is not on an object
     */
    public static DataVersion read(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("a data version must be an object, not " + json.currentToken());
        }
        long counter = 0;
        long timestamp = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "counter" -> counter = json.getValueAsLong();
                case "timestamp" -> timestamp = json.getValueAsLong();
                default -> json.skipChildren();
            }
        }
        return new DataVersion(counter, timestamp);
    }
}

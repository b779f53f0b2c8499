package dev.bolide.broker.metadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape RocketMQ keeps two-level tables in ({@code consumerOffset.json}'s
 * {@code {"offsetTable":{"T@G":{"0":5}}}}, {@code kvConfig.json}'s
 * {@code {"configTable":{"namespace":{"key":"value"}}}}): one named section holding objects of
 * scalar values. Other sections are skipped when reading; entries are written in the maps' order.
 */
public final class NestedTableJson {
    private NestedTableJson() {
    }

    /** Writes one value as a field of the inner object. */
    @FunctionalInterface
    public interface ValueWriter<V> {
        void write(JsonGenerator json, String field, V value) throws IOException;
    }

    /** Reads the value the parser is on. */
    @FunctionalInterface
    public interface ValueReader<V> {
        V read(JsonParser json) throws IOException;
    }

    public static <V> String write(JsonFactory factory, String section, Map<String, ? extends Map<String, V>> table,
            ValueWriter<V> value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart(section);
            for (Map.Entry<String, ? extends Map<String, V>> outer : table.entrySet()) {
                json.writeObjectFieldStart(outer.getKey());
                for (Map.Entry<String, V> inner : outer.getValue().entrySet()) {
                    value.write(json, inner.getKey(), inner.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException when the content does not have this shape
     */
    public static <V> Map<String, Map<String, V>> read(JsonFactory factory, String content, String section,
            ValueReader<V> value) {
        Map<String, Map<String, V>> table = new LinkedHashMap<>();
        try (JsonParser json = factory.createParser(content)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = json.currentName().equals(section);
                json.nextToken();
                if (!wanted) {
                    json.skipChildren();
                    continue;
                }
                expect(json.currentToken(), JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String outer = json.currentName();
                    expect(json.nextToken(), JsonToken.START_OBJECT);
                    Map<String, V> values = new LinkedHashMap<>();
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = json.currentName();
                        json.nextToken();
                        values.put(inner, value.read(json));
                    }
                    table.put(outer, values);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return table;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }
}

package dev.bolide.broker.schedule;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far delivery has come, as written to {@code config/delayOffset.json}: RocketMQ's
 * {@code offsetTable} (level to the next schedule-queue offset to deliver) plus Bolide's
 * {@code commitLogOffset}, the CommitLog end when the table was taken: every delivery the table
 * does not count was appended after it. A file without it (RocketMQ's own) counts as taken at 0.
 */
record DelayProgress(Map<Integer, Long> nextOffsets, long commitLogOffset) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
    static final DelayProgress NONE = new DelayProgress(Map.of(), 0);

    DelayProgress {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    /** The next offset to deliver of a level's schedule queue. */
    long nextOffset(int level) {
        return nextOffsets.getOrDefault(level, 0L);
    }

    static DelayProgress load(MetadataFile file) throws IOException {
        return file.load(DelayProgress::parse).orElse(NONE);
    }

    void store(MetadataFile file) throws IOException {
        file.store(serialize());
    }

    String serialize() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("offsetTable");
            for (Map.Entry<Integer, Long> level : new TreeMap<>(nextOffsets).entrySet()) {
                json.writeNumberField(Integer.toString(level.getKey()), level.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("commitLogOffset", commitLogOffset);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static DelayProgress parse(String content) {
        Map<Integer, Long> offsets = new TreeMap<>();
        long commitLogOffset = 0;
        try (JsonParser json = JSON.createParser(content)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("offsetTable")) {
                    expect(value, JsonToken.START_OBJECT);
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        int level = Integer.parseInt(json.currentName());
                        expect(json.nextToken(), JsonToken.VALUE_NUMBER_INT);
                        offsets.put(level, json.getLongValue());
                    }
                } else if (field.equals("commitLogOffset")) {
                    expect(value, JsonToken.VALUE_NUMBER_INT);
                    commitLogOffset = json.getLongValue();
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("not a delay offset file: " + e.getMessage(), e);
        }
        return new DelayProgress(offsets, commitLogOffset);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }
}

package dev.bolide.broker.transaction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Where the check pass stands, saved after every pass in {@code config/transactionProgress.json}:
 * the half queue offset it continues from, and the op queue offset recovery reads op records from.
 * Both are saved in one file, written atomically, because they only make sense together: the op
 * offset covers every resolution of a transaction that still has records after the half offset.
 * (RocketMQ keeps the two as consumer offsets of {@code CID_RMQ_SYS_TRANS}, which are persisted
 * one after the other.)
 */
record TransactionProgress(long halfOffset, long opOffset) {
    private static final JsonFactory JSON = new JsonFactory();
    static final TransactionProgress START = new TransactionProgress(0, 0);

    /** The saved progress, or {@link #START} when none was saved yet. */
    static TransactionProgress load(MetadataFile file) throws IOException {
        return file.load(TransactionProgress::parse).orElse(START);
    }

    void save(MetadataFile file) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("halfOffset", halfOffset);
            json.writeNumberField("opOffset", opOffset);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.store(out.toString());
    }

    private static TransactionProgress parse(String content) {
        long half = -1;
        long op = -1;
        try (JsonParser json = JSON.createParser(content)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "halfOffset" -> half = json.getValueAsLong(-1);
                    case "opOffset" -> op = json.getValueAsLong(-1);
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a transaction progress file: " + e.getMessage(), e);
        }
        if (half < 0 || op < 0) {
            throw new IllegalArgumentException("halfOffset and opOffset must both be present and not negative");
        }
        return new TransactionProgress(half, op);
    }
}

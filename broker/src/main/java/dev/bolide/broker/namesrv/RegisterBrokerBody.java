package dev.bolide.broker.namesrv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicTableJson;
import dev.bolide.broker.topic.VersionedTopics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The body of REGISTER_BROKER in its uncompressed form (RocketMQ's {@code RegisterBrokerBody} as
 * fastjson writes it): {@code {"filterServerList":[],"topicConfigSerializeWrapper":{...}}}, where
 * the wrapper is the broker's {@link VersionedTopics}. Filter servers are a RocketMQ 4 feature Bolide
 * does not have: the list is written empty and ignored when read.
 */
public final class RegisterBrokerBody {
    private static final JsonFactory JSON = new JsonFactory();

    private RegisterBrokerBody() {
    }

    public static byte[] encode(VersionedTopics topics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("filterServerList");
            json.writeEndArray();
            json.writeFieldName("topicConfigSerializeWrapper");
            TopicTableJson.write(json, topics);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The topics of a registration body. An empty body (a broker with nothing to say) registers no
     * topics at data version 0.
     *
     * @throws IllegalArgumentException when the body is not a registration body
     */
    public static VersionedTopics decode(byte[] body) {
        VersionedTopics topics = new VersionedTopics(new DataVersion(0, 0), Map.of());
        if (body.length == 0) {
            return topics;
        }
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("registration body is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("topicConfigSerializeWrapper")) {
                    topics = TopicTableJson.read(json);
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("bad registration body: " + e.getMessage(), e);
        }
        return topics;
    }

    /** The {@code bodyCrc32} header value: CRC32 of the body, masked to a non-negative int. */
    public static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}

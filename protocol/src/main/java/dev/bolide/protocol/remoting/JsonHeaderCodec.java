package dev.bolide.protocol.remoting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header (serialize type 0), as the 4.9 Java client writes it with fastjson: properties in
 * alphabetical order, nulls omitted, custom fields as strings under {@code extFields}. Reading is
 * lenient where the client is (unknown properties skipped, numbers accepted as field values).
 */
final class JsonHeaderCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonHeaderCodec() {
    }

    static byte[] encode(RemotingCommand command) {
        JsonHeaderWriter json = new JsonHeaderWriter().startObject().field("code", command.code());
        if (!command.extFields().isEmpty()) {
            json.objectField("extFields");
            // sorted names rather than a sorted copy of the map: a TreeMap per answer was a third of this
            String[] names = command.extFields().keySet().toArray(new String[0]);
            Arrays.sort(names);
            for (String name : names) {
                String value = command.extFields().get(name);
                if (value != null) {
                    json.field(name, value);
                }
            }
            json.endObject();
        }
        json.field("flag", command.flag())
                .field("language", command.language().name())
                .field("opaque", command.opaque());
        if (command.remark() != null) {
            json.field("remark", command.remark());
        }
        return json.field("serializeTypeCurrentRPC", command.serializeType().name())
                .field("version", command.version())
                .endObject()
                .toByteArray();
    }

    static RemotingCommand decode(byte[] header, byte[] body) {
        try (JsonParser json = JSON.createParser(header)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedFrameException("JSON header is not an object");
            }
            Fields fields = new Fields();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                fields.read(name, json);
            }
            return new RemotingCommand(fields.code, fields.language, fields.version, fields.opaque, fields.flag,
                    fields.remark, fields.extFields, body, SerializeType.JSON);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedFrameException malformed) {
                throw malformed;
            }
            throw new MalformedFrameException("bad JSON header: " + e.getMessage(), e);
        }
    }

    /** The header properties as they are read. */
    private static final class Fields {
        int code;
        LanguageCode language = LanguageCode.JAVA;
        int version;
        int opaque;
        int flag;
        String remark;
        Map<String, String> extFields;

        void read(String name, JsonParser json) throws IOException {
            switch (name) {
                case "code" -> code = json.getValueAsInt();
                case "language" -> language = language(json.getValueAsString());
                case "version" -> version = json.getValueAsInt();
                case "opaque" -> opaque = json.getValueAsInt();
                case "flag" -> flag = json.getValueAsInt();
                case "remark" -> remark = json.getValueAsString();
                case "extFields" -> extFields = stringMap(json);
                default -> json.skipChildren();
            }
        }

        private static LanguageCode language(String name) {
            try {
                return name == null ? LanguageCode.JAVA : LanguageCode.valueOf(name);
            } catch (IllegalArgumentException e) {
                return LanguageCode.OTHER;
            }
        }

        private static Map<String, String> stringMap(JsonParser json) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw new MalformedFrameException("extFields is not an object");
            }
            Map<String, String> map = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                JsonToken value = json.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    throw new MalformedFrameException("extFields." + key + " is not a plain value");
                }
                if (value != JsonToken.VALUE_NULL) {
                    map.put(key, json.getText());
                }
            }
            return map;
        }
    }
}

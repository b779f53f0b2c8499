package dev.bolide.protocol.remoting;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The JSON header (serialize type 0), as the 4.9 Java client writes it with fastjson: properties in
 * alphabetical order, nulls omitted, custom fields as strings under {@code extFields}. Reading is
 * lenient where the client is (unknown properties skipped, numbers accepted as field values).
 */
final class JsonHeaderCodec {
    private JsonHeaderCodec() {
    }

    /** The header behind {@code room} bytes left for the caller, in one buffer from 0. */
    static ByteBuffer encode(RemotingCommand command, int room) {
        JsonHeaderWriter json = new JsonHeaderWriter(room).startObject().field("code", command.code());
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
                .toByteBuffer();
    }

    static RemotingCommand decode(byte[] header, byte[] body) {
        return JsonHeaderReader.read(header, body);
    }
}

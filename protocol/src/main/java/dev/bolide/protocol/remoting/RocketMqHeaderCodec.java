package dev.bolide.protocol.remoting;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROCKETMQ binary header (serialize type 1): code (int16), language (byte), version (int16),
 * opaque, flag, remark (int32 length + UTF-8), then the custom fields as one length-prefixed area
 * of (int16 key length, key, int32 value length, value) entries. Every length read is checked
 * against the bytes actually there before anything is allocated.
 */
final class RocketMqHeaderCodec {
    private RocketMqHeaderCodec() {
    }

    /** The header behind {@code room} bytes left for the caller, in one buffer from 0. */
    static ByteBuffer encode(RemotingCommand command, int room) {
        byte[] remark = command.remark() == null ? new byte[0] : utf8(command.remark());
        int mapLength = 0;
        List<byte[]> keysAndValues = new ArrayList<>();
        for (Map.Entry<String, String> field : command.extFields().entrySet()) {
            if (field.getKey() != null && field.getValue() != null) {
                byte[] key = utf8(field.getKey());
                byte[] value = utf8(field.getValue());
                keysAndValues.add(key);
                keysAndValues.add(value);
                mapLength += 2 + key.length + 4 + value.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(room + 2 + 1 + 2 + 4 + 4 + 4 + remark.length + 4 + mapLength);
        out.position(room).putShort((short) command.code()).put((byte) command.language().ordinal())
                .putShort((short) command.version()).putInt(command.opaque()).putInt(command.flag())
                .putInt(remark.length).put(remark).putInt(mapLength);
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            byte[] key = keysAndValues.get(i);
            byte[] value = keysAndValues.get(i + 1);
            out.putShort((short) key.length).put(key).putInt(value.length).put(value);
        }
        return out.flip();
    }

    static RemotingCommand decode(byte[] header, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(header);
        try {
            int code = in.getShort();
            LanguageCode language = LanguageCode.of(in.get());
            int version = in.getShort();
            int opaque = in.getInt();
            int flag = in.getInt();
            String remark = string(in, in.getInt());
            int mapLength = in.getInt();
            checkLength(mapLength, in.remaining(), "extFields");
            Map<String, String> extFields = mapLength == 0 ? null : fields(in.slice(in.position(), mapLength));
            return new RemotingCommand(code, language, version, opaque, flag, remark, extFields, body,
                    SerializeType.ROCKETMQ);
        } catch (BufferUnderflowException e) {
            throw new MalformedFrameException("ROCKETMQ header ends early", e);
        }
    }

    private static Map<String, String> fields(ByteBuffer area) {
        Map<String, String> fields = new HashMap<>(RemotingFrameCodec.FIELDS_CAPACITY);
        while (area.hasRemaining()) {
            String key = string(area, area.getShort() & 0xFFFF);
            String value = string(area, area.getInt());
            if (key != null && value != null) {
                fields.put(key, value);
            }
        }
        return fields;
    }

    /** A zero-length string decodes to null, as in the reference decoder. */
    private static String string(ByteBuffer in, int length) {
        checkLength(length, in.remaining(), "string");
        if (length == 0) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static void checkLength(int length, int available, String what) {
        if (length < 0 || length > available) {
            throw new MalformedFrameException(what + " length " + length + " exceeds the " + available
                    + " header bytes left");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

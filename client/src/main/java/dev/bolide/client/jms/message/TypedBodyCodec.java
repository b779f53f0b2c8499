package dev.bolide.client.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of a {@code MapMessage} or {@code StreamMessage}: a compact typed binary format.
 *
 * <pre>
 * body    = version(1 byte, = 1) kind(1 byte, 'M' map | 'S' stream) count(int32) entry*count
 * entry   = [name] value          (name only in a map: a string, never empty)
 * value   = tag(1 byte) payload
 *   'N' null      (no payload)     'Z' boolean (1 byte, 0 or 1)   'B' byte (1)
 *   'S' short (2)   'C' char (2)   'I' int (4)   'J' long (8)   'F' float (4)   'D' double (8)
 *   'T' string = length(int32) UTF-8 bytes      'Y' bytes = length(int32) raw bytes
 * </pre>
 *
 * Big-endian throughout. Every count and length is checked against the bytes that remain before
 * anything is allocated, so a hostile body fails with {@link MessageFormatException}, never with
 * an out-of-memory error; trailing bytes are refused too.
 */
public final class TypedBodyCodec {
    private static final byte VERSION = 1;
    private static final byte MAP = 'M';
    private static final byte STREAM = 'S';

    private static final Set<Class<?>> VALUE_TYPES = Set.of(Boolean.class, Byte.class, Short.class,
            Character.class, Integer.class, Long.class, Float.class, Double.class, String.class,
            byte[].class);

    private TypedBodyCodec() {
    }

    /** A value for a map or stream, refused unless the format can carry it; byte[] is copied. */
    public static Object checkedCopy(Object value) throws MessageFormatException {
        if (value != null && !VALUE_TYPES.contains(value.getClass())) {
            throw new MessageFormatException(
                    "a map or stream message cannot hold a " + value.getClass().getName());
        }
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    public static byte[] encodeMap(Map<String, Object> map) {
        return encode(MAP, map.size(), out -> {
            for (Map.Entry<String, Object> e : map.entrySet()) {
                writeText(out, e.getKey());
                writeValue(out, e.getValue());
            }
        });
    }

    public static byte[] encodeStream(List<Object> values) {
        return encode(STREAM, values.size(), out -> {
            for (Object value : values) {
                writeValue(out, value);
            }
        });
    }

    public static Map<String, Object> decodeMap(byte[] body) throws MessageFormatException {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            int count = readHeader(in, MAP);
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readText(in);
                if (name.isEmpty() || map.containsKey(name)) {
                    throw new MessageFormatException("empty or repeated map entry name");
                }
                map.put(name, readValue(in));
            }
            checkEnd(in);
            return map;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public static List<Object> decodeStream(byte[] body) throws MessageFormatException {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            int count = readHeader(in, STREAM);
            List<Object> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(readValue(in));
            }
            checkEnd(in);
            return values;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    private interface EntryWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(byte kind, int count, EntryWriter entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind);
            out.writeInt(count);
            entries.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof Boolean b) {
            out.writeByte('Z');
            out.writeBoolean(b);
        } else if (value instanceof Byte b) {
            out.writeByte('B');
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte('S');
            out.writeShort(s);
        } else if (value instanceof Character c) {
            out.writeByte('C');
            out.writeChar(c);
        } else {
            writeWideValue(out, value);
        }
    }

    private static void writeWideValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (value instanceof Float f) {
            out.writeByte('F');
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeByte('D');
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte('T');
            writeText(out, s);
        } else if (value instanceof byte[] b) {
            out.writeByte('Y');
            out.writeInt(b.length);
            out.write(b);
        } else {
            throw new IllegalArgumentException("not a message value type: " + value.getClass());
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static int readHeader(ByteBuffer in, byte kind) throws MessageFormatException {
        byte version = in.get();
        if (version != VERSION) {
            throw new MessageFormatException("unknown typed body version " + version);
        }
        if (in.get() != kind) {
            throw new MessageFormatException("the body is not a " + (kind == MAP ? "map" : "stream"));
        }
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) {
            throw new MessageFormatException("entry count " + count + " does not fit the body");
        }
        return count;
    }

    private static Object readValue(ByteBuffer in) throws MessageFormatException {
        byte tag = in.get();
        return switch (tag) {
            case 'N' -> null;
            case 'Z' -> readBoolean(in);
            case 'B' -> in.get();
            case 'S' -> in.getShort();
            case 'C' -> in.getChar();
            case 'I' -> in.getInt();
            case 'J' -> in.getLong();
            case 'F' -> in.getFloat();
            case 'D' -> in.getDouble();
            case 'T' -> readText(in);
            case 'Y' -> readBytes(in);
            default -> throw new MessageFormatException("unknown value tag " + tag);
        };
    }

    private static Boolean readBoolean(ByteBuffer in) throws MessageFormatException {
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw new MessageFormatException("a boolean is 0 or 1, not " + b);
        }
        return b == 1;
    }

    private static String readText(ByteBuffer in) throws MessageFormatException {
        ByteBuffer utf8 = ByteBuffer.wrap(readBytes(in));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(utf8).toString();
        } catch (CharacterCodingException e) {
            throw new MessageFormatException("a string is not valid UTF-8");
        }
    }

    private static byte[] readBytes(ByteBuffer in) throws MessageFormatException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new MessageFormatException("length " + length + " does not fit the body");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void checkEnd(ByteBuffer in) throws MessageFormatException {
        if (in.hasRemaining()) {
            throw new MessageFormatException(in.remaining() + " bytes follow the last entry");
        }
    }

    private static MessageFormatException truncated() {
        return new MessageFormatException("the body ends in the middle of an entry");
    }
}

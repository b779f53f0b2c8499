package dev.bolide.protocol.remoting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compact JSON written straight into a byte array, for the header every response carries, rather
 * than through a general JSON generator set up (with its recycled buffers) per response. Only what
 * a header needs: objects, string and int fields.
 * Strings are escaped as JSON requires (quote, backslash, control characters) and written as UTF-8.
 */
final class JsonHeaderWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[256];
    private int length;
    /** Whether the object being written has no field yet (no comma before the next). */
    private boolean firstField;

    /** @param room bytes left before the JSON for the caller (the frame's length fields) */
    JsonHeaderWriter(int room) {
        length = room;
    }

    JsonHeaderWriter startObject() {
        put('{');
        firstField = true;
        return this;
    }

    JsonHeaderWriter endObject() {
        put('}');
        firstField = false;
        return this;
    }

    /** A field whose value is an object; {@link #endObject()} ends it. */
    JsonHeaderWriter objectField(String name) {
        fieldName(name);
        return startObject();
    }

    JsonHeaderWriter field(String name, int value) {
        fieldName(name);
        digits(value);
        return this;
    }

    JsonHeaderWriter field(String name, String value) {
        fieldName(name);
        string(value);
        return this;
    }

    /** The room and the JSON, from 0, without a copy. */
    ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private void fieldName(String name) {
        if (!firstField) {
            put(',');
        }
        firstField = false;
        string(name);
        put(':');
    }

    private void string(String value) {
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                put('\\');
                put(c);
            } else if (c < 0x20) {
                controlCharacter(c);
            } else if (c < 0x80) {
                put(c);
            } else {
                i = nonAscii(value, i);
            }
        }
        put('"');
    }

    private void controlCharacter(char c) {
        put('\\');
        switch (c) {
            case '\n' -> put('n');
            case '\r' -> put('r');
            case '\t' -> put('t');
            case '\b' -> put('b');
            case '\f' -> put('f');
            default -> {
                ascii("u00");
                put((char) HEX[c >> 4]);
                put((char) HEX[c & 0xF]);
            }
        }
    }

    /** Writes the run of non-ASCII characters starting at {@code start} as UTF-8; returns the index of its last. */
    private int nonAscii(String value, int start) {
        int end = start;
        while (end < value.length() && value.charAt(end) >= 0x80) {
            end++;
        }
        byte[] utf8 = value.substring(start, end).getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return end - 1;
    }

    /** An int in decimal, without a String for it. */
    private void digits(int value) {
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                ascii(Integer.toString(value));
                return;
            }
            put('-');
            value = -value;
        }
        int size = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            size++;
        }
        ensure(size);
        for (int i = length + size - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += size;
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put(text.charAt(i));
        }
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

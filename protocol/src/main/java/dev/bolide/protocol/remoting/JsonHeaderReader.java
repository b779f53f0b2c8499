package dev.bolide.protocol.remoting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON header straight from its bytes. A general parser set up per request (its context,
 * recycled buffers, canonicalised names, a String per token) was most of the cost of decoding a
 * header, and decoding a header was a tenth of what the broker's I/O threads spent on a send; this
 * reads only what a header is: one object of numbers, strings and {@code extFields}, a flat object
 * of plain values. Property names are known Strings, not new ones; a value without escapes is one
 * copy of its bytes. Leniency is the client's (unknown properties skipped whatever they hold,
 * numbers and booleans accepted as field values); anything that is not JSON is a
 * {@link MalformedFrameException}.
 */
final class JsonHeaderReader {
    /** How deep an unknown property's value may nest before the header is refused. */
    private static final int MAX_SKIPPED_DEPTH = 64;

    private final byte[] in;
    private int pos;

    private JsonHeaderReader(byte[] in) {
        this.in = in;
    }

    static RemotingCommand read(byte[] header, byte[] body) {
        try {
            return new JsonHeaderReader(header).command(body);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new MalformedFrameException("JSON header ends early", e);
        } catch (MalformedFrameException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedFrameException("bad JSON header: " + e, e);
        }
    }

    private RemotingCommand command(byte[] body) {
        int code = 0;
        int version = 0;
        int opaque = 0;
        int flag = 0;
        LanguageCode language = LanguageCode.JAVA;
        String remark = null;
        Map<String, String> extFields = null;
        if (next() != '{') {
            throw new MalformedFrameException("JSON header is not an object");
        }
        pos++;
        boolean more = hasMembers();
        while (more) {
            String name = name();
            switch (name) {
                case "code" -> code = intValue();
                case "language" -> language = language(scalar());
                case "version" -> version = intValue();
                case "opaque" -> opaque = intValue();
                case "flag" -> flag = intValue();
                case "remark" -> remark = scalar();
                case "extFields" -> extFields = fields();
                default -> skipValue();
            }
            more = afterMember('}');
        }
        return new RemotingCommand(code, language, version, opaque, flag, remark, extFields, body,
                SerializeType.JSON);
    }

    /** The custom fields: null for {@code null}, else a map of every field whose value is not null. */
    private Map<String, String> fields() {
        if (next() == 'n') {
            literal("null");
            return null;
        }
        if (in[pos] != '{') {
            throw new MalformedFrameException("extFields is not an object");
        }
        pos++;
        Map<String, String> fields = new HashMap<>(RemotingFrameCodec.FIELDS_CAPACITY);
        boolean more = hasMembers();
        while (more) {
            String key = name();
            byte first = next();
            if (first == '{' || first == '[') {
                throw new MalformedFrameException("extFields." + key + " is not a plain value");
            }
            String value = scalar();
            if (value != null) {
                fields.put(key, value);
            }
            more = afterMember('}');
        }
        return fields;
    }

    /** A member's name and its colon. */
    private String name() {
        if (next() != '"') {
            throw new MalformedFrameException("JSON header has no property name at " + pos);
        }
        int start = pos + 1;
        int end = plainStringEnd(start);
        String name = end >= 0 ? KnownNames.find(in, start, end) : null;
        if (name == null) {
            name = string();
        } else {
            pos = end + 1;
        }
        if (next() != ':') {
            throw new MalformedFrameException("JSON header has no ':' after " + name);
        }
        pos++;
        return name;
    }

    /** Just inside an object: true if a member follows, false (the object read) if it is empty. */
    private boolean hasMembers() {
        if (next() != '}') {
            return true;
        }
        pos++;
        return false;
    }

    /** After a member: true at a comma (another member follows), false at {@code close}. */
    private boolean afterMember(char close) {
        byte b = next();
        pos++;
        if (b == ',') {
            return true;
        }
        if (b == close) {
            return false;
        }
        throw new MalformedFrameException("JSON header has '" + (char) b + "' where ',' or '" + close + "' belongs");
    }

    /** A string, number or literal as text (null for {@code null}); an object or array is skipped as null. */
    private String scalar() {
        byte b = next();
        if (b == '"') {
            return string();
        }
        if (b == 'n') {
            literal("null");
            return null;
        }
        if (b == 't') {
            literal("true");
            return "true";
        }
        if (b == 'f') {
            literal("false");
            return "false";
        }
        if (b == '-' || (b >= '0' && b <= '9')) {
            int start = pos;
            skipNumber();
            return new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        }
        skipValue();
        return null;
    }

    /** A number, or a string holding one, as an int; 0 for anything else, as the client's reader answers. */
    private int intValue() {
        boolean negative = next() == '-';
        int start = negative ? pos + 1 : pos;
        int end = start;
        long value = 0;
        while (end - start < 18 && in[end] >= '0' && in[end] <= '9') {
            value = value * 10 + (in[end++] - '0');
        }
        if (end > start && !isNumberPart(in[end])) {
            // the usual case, a plain integer, read without a String for it
            pos = end;
            return (int) (negative ? -value : value);
        }
        return intValue(scalar());
    }

    private static int intValue(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return (int) Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            try {
                return (int) Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
    }

    /** The string at {@code pos} (its opening quote), unescaped; {@code pos} ends after its closing quote. */
    private String string() {
        int start = pos + 1;
        int end = plainStringEnd(start);
        if (end >= 0) {
            pos = end + 1;
            return new String(in, start, end - start, StandardCharsets.UTF_8);
        }
        return escapedString(start);
    }

    /**
     * The index of the closing quote of a string starting at {@code start} that has no escape and
     * no control character, or -1 if it has one (then {@link #escapedString} reads it).
     */
    private int plainStringEnd(int start) {
        for (int i = start; ; i++) {
            byte b = in[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return -1;
            }
        }
    }

    /**
     * A string with escapes (a send's properties are separated by \\u0001 and \\u0002): unescaped into
     * UTF-8 bytes, one String made of them at the end. An escape beyond ASCII takes the way through chars.
     */
    private String escapedString(int start) {
        byte[] bytes = new byte[64];
        int length = 0;
        int run = start;
        for (int i = start; ; ) {
            byte b = in[i];
            if (b != '"' && b != '\\' && (b < 0 || b >= 0x20)) {
                i++;
                continue;
            }
            if (b >= 0 && b < 0x20) {
                throw new MalformedFrameException("JSON header has a raw control character in a string");
            }
            bytes = ensure(bytes, length + i - run + 1);
            System.arraycopy(in, run, bytes, length, i - run);
            length += i - run;
            if (b == '"') {
                pos = i + 1;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            int unescaped = asciiEscape(i + 1);
            if (unescaped < 0) {
                return charsString(start);
            }
            bytes[length++] = (byte) unescaped;
            i += in[i + 1] == 'u' ? 6 : 2;
            run = i;
        }
    }

    private static byte[] ensure(byte[] bytes, int length) {
        return length <= bytes.length ? bytes : Arrays.copyOf(bytes, Math.max(length, bytes.length * 2));
    }

    /** The ASCII character of the escape whose letter is at {@code at}, or -1 for one beyond ASCII. */
    private int asciiEscape(int at) {
        if (in[at] != 'u') {
            return simpleEscape(in[at]);
        }
        int c = hex4(at + 1);
        return c < 0x80 ? c : -1;
    }

    private static byte simpleEscape(byte letter) {
        return switch (letter) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> throw new MalformedFrameException("JSON header has a bad escape '\\" + (char) letter + "'");
        };
    }

    /** A string with an escape beyond ASCII (\\u00e9, a surrogate of a pair), unescaped into chars. */
    private String charsString(int start) {
        StringBuilder text = new StringBuilder(64);
        int run = start;
        for (int i = start; ; ) {
            byte b = in[i];
            if (b == '"') {
                appendUtf8(text, run, i);
                pos = i + 1;
                return text.toString();
            }
            if (b >= 0 && b < 0x20) {
                throw new MalformedFrameException("JSON header has a raw control character in a string");
            }
            if (b != '\\') {
                i++;
                continue;
            }
            appendUtf8(text, run, i);
            i = escape(text, i + 1);
            run = i;
        }
    }

    /** Appends the escape whose letter is at {@code at}; returns the index after it. */
    private int escape(StringBuilder text, int at) {
        if (in[at] != 'u') {
            text.append((char) simpleEscape(in[at]));
            return at + 1;
        }
        text.append((char) hex4(at + 1));
        return at + 5;
    }

    private int hex4(int at) {
        return hex(in[at]) << 12 | hex(in[at + 1]) << 8 | hex(in[at + 2]) << 4 | hex(in[at + 3]);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        throw new MalformedFrameException("JSON header has a bad \\u escape");
    }

    private void appendUtf8(StringBuilder text, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = in[i] >= 0;
        }
        if (ascii) {
            for (int i = from; i < to; i++) {
                text.append((char) in[i]);
            }
        } else {
            text.append(new String(in, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw new MalformedFrameException("JSON header has a bad literal at " + pos);
            }
        }
        pos += word.length();
    }

    private void skipNumber() {
        if (in[pos] == '-') {
            pos++;
        }
        int digits = pos;
        while (isNumberPart(in[pos])) {
            pos++;
        }
        if (pos == digits) {
            throw new MalformedFrameException("JSON header has a bad number at " + pos);
        }
    }

    private static boolean isNumberPart(byte b) {
        return (b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-';
    }

    /** Skips any value, nested or not, without recursion. */
    private void skipValue() {
        int depth = 0;
        do {
            byte b = next();
            switch (b) {
                case '{', '[' -> {
                    if (++depth > MAX_SKIPPED_DEPTH) {
                        throw new MalformedFrameException("JSON header nests deeper than " + MAX_SKIPPED_DEPTH);
                    }
                    pos++;
                }
                case '}', ']' -> {
                    depth--;
                    pos++;
                }
                case ',', ':' -> pos++;
                case '"' -> string();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> skipNumber();
            }
        } while (depth > 0);
        if (depth < 0) {
            throw new MalformedFrameException("JSON header closes what it did not open");
        }
    }

    /** The next byte that is not whitespace, left at {@code pos}. */
    private byte next() {
        byte b = in[pos];
        while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            b = in[++pos];
        }
        return b;
    }

    private static LanguageCode language(String name) {
        try {
            return name == null ? LanguageCode.JAVA : LanguageCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return LanguageCode.OTHER;
        }
    }
}

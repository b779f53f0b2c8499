package dev.bolide.broker.send;

import dev.bolide.protocol.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A sent message's properties as a map over the string the producer sent, decoded only when the
 * broker changes more than it usually does. Most sends only lose their {@code WAIT} entry and gain
 * {@code CLUSTER}; every other key the send path asks about is absent. Such a message is stored with
 * the producer's string cut and extended, instead of decoded into a map and encoded again (8 % of
 * the send thread). Any other change decodes the string first, and the map then behaves as a
 * {@link java.util.HashMap} of the properties would.
 * <p>
 * A string that decoding would not give back as it is (an entry without a name or value, a name
 * sent twice) is decoded at once, so that what is stored never depends on which way it went.
 */
final class ReceivedProperties extends AbstractMap<String, String> {
    /** Above this many entries the check for names sent twice would cost more than decoding. */
    private static final int MOST_ENTRIES_KEPT = 16;

    private final String received;
    /** The entry removed without decoding, with one separator: {@code [cutStart, cutEnd)}; none when equal. */
    private int cutStart;
    private int cutEnd;
    /** An entry added without decoding, stored after the others; null when none. */
    private String addedKey;
    private String addedValue;
    /** The properties once decoded; null until then. */
    private Map<String, String> decoded;

    ReceivedProperties(String received) {
        this.received = received;
        if (!keptAsReceived(received)) {
            decoded = MessageProperties.decode(received);
        }
    }

    /** The properties as stored. */
    String encoded() {
        if (decoded != null) {
            return MessageProperties.encode(decoded);
        }
        String before = received.substring(0, cutStart == cutEnd ? received.length() : cutStart);
        String after = cutStart == cutEnd ? "" : received.substring(cutEnd);
        if (addedKey == null) {
            return before + after;
        }
        String separator = before.isEmpty() && after.isEmpty() ? "" : String.valueOf(MessageProperties.PROPERTY_SEPARATOR);
        return before + after + separator + addedKey + MessageProperties.NAME_VALUE_SEPARATOR + addedValue;
    }

    /**
     * {@link #encoded()} as UTF-8, the form a record stores. An ASCII string, as properties
     * nearly always are, is cut and extended as bytes, without building the string first.
     */
    byte[] encodedUtf8() {
        byte[] bytes = received.getBytes(StandardCharsets.UTF_8);
        if (decoded != null || bytes.length != received.length()) {
            // the cut is measured in chars, which only match bytes for ASCII
            return encoded().getBytes(StandardCharsets.UTF_8);
        }
        int kept = bytes.length - (cutEnd - cutStart);
        byte[] added = addedKey == null ? new byte[0]
                : (addedKey + MessageProperties.NAME_VALUE_SEPARATOR + addedValue).getBytes(StandardCharsets.UTF_8);
        int separator = added.length > 0 && kept > 0 ? 1 : 0;
        byte[] stored = Arrays.copyOf(bytes, kept + separator + added.length);
        if (cutStart != cutEnd) {
            System.arraycopy(bytes, cutEnd, stored, cutStart, bytes.length - cutEnd);
        }
        if (separator > 0) {
            stored[kept] = (byte) MessageProperties.PROPERTY_SEPARATOR;
        }
        System.arraycopy(added, 0, stored, kept + separator, added.length);
        return stored;
    }

    @Override
    public String get(Object key) {
        if (decoded != null) {
            return decoded.get(key);
        }
        if (key instanceof String name) {
            if (name.equals(addedKey)) {
                return addedValue;
            }
            int start = find(name);
            return start < 0 ? null : received.substring(start + name.length() + 1, entryEnd(start));
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public String remove(Object key) {
        if (decoded == null && key instanceof String name && !name.equals(addedKey)) {
            int start = find(name);
            if (start < 0) {
                return null;
            }
            if (cutStart == cutEnd) {
                int end = entryEnd(start);
                String value = received.substring(start + name.length() + 1, end);
                cutStart = end < received.length() || start == 0 ? start : start - 1;
                cutEnd = end < received.length() ? end + 1 : end;
                return value;
            }
        }
        return decoded().remove(key);
    }

    @Override
    public String put(String key, String value) {
        if (decoded == null && addedKey == null && find(key) < 0) {
            addedKey = key;
            addedValue = value;
            return null;
        }
        return decoded().put(key, value);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return decoded().entrySet();
    }

    private Map<String, String> decoded() {
        if (decoded == null) {
            String current = encoded();
            addedKey = null;
            decoded = MessageProperties.decode(current);
        }
        return decoded;
    }

    /** Where the entry named {@code name} starts, outside the cut; -1 when there is none. */
    private int find(String name) {
        int start = 0;
        int length = received.length();
        while (start < length) {
            int end = entryEnd(start);
            int split = start + name.length();
            if ((start < cutStart || start >= cutEnd) && split < end
                    && received.charAt(split) == MessageProperties.NAME_VALUE_SEPARATOR
                    && received.startsWith(name, start)) {
                return start;
            }
            start = end + 1;
        }
        return -1;
    }

    private int entryEnd(int start) {
        int end = received.indexOf(MessageProperties.PROPERTY_SEPARATOR, start);
        return end < 0 ? received.length() : end;
    }

    /** Whether decoding and encoding {@code properties} would keep every entry as it is. */
    private static boolean keptAsReceived(String properties) {
        int[] nameStarts = new int[MOST_ENTRIES_KEPT];
        int[] nameEnds = new int[MOST_ENTRIES_KEPT];
        int entries = 0;
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(MessageProperties.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int split = properties.indexOf(MessageProperties.NAME_VALUE_SEPARATOR, start);
            if (split <= start || split >= end - 1 || entries == MOST_ENTRIES_KEPT) {
                return false;
            }
            for (int i = 0; i < entries; i++) {
                if (nameEnds[i] - nameStarts[i] == split - start
                        && properties.regionMatches(nameStarts[i], properties, start, split - start)) {
                    return false;
                }
            }
            nameStarts[entries] = start;
            nameEnds[entries] = split;
            entries++;
            start = end + 1;
        }
        // a trailing separator would be dropped
        return length == 0 || properties.charAt(length - 1) != MessageProperties.PROPERTY_SEPARATOR;
    }
}

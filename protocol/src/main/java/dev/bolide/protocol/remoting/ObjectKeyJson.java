package dev.bolide.protocol.remoting;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * RocketMQ bodies whose maps are keyed by an object (ResetOffsetBody, ConsumeStats, TopicStatsTable,
 * ConsumerRunningInfo: {@code {{"brokerName":"b","queueId":0,"topic":"T"}:5}}) are in fastjson's own
 * syntax, which no standard JSON parser reads or writes. To read one, {@link #quoteObjectKeys} turns
 * each object key into a string key holding that object's JSON text,
 * {@code {"{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}":5}}, so a standard parser reads
 * the body, and then each key; to write one, {@link #queueKeyed} assembles such a map.
 */
public final class ObjectKeyJson {
    /** An open object or array, and for an object whether its next token is a key. */
    private static final class Frame {
        final boolean object;
        boolean keyNext;

        Frame(boolean object) {
            this.object = object;
            this.keyNext = object;
        }
    }

    /** A MessageQueue as a key, its fields in fastjson's (alphabetical) order. */
    public record QueueKey(String brokerName, int queueId, String topic) {
        /** {@code {"brokerName":"b","queueId":0,"topic":"T"}}, as fastjson writes a MessageQueue. */
        public String json() {
            StringBuilder key = new StringBuilder("{\"brokerName\":");
            string(brokerName, key);
            key.append(",\"queueId\":").append(queueId).append(",\"topic\":");
            string(topic, key);
            return key.append('}').toString();
        }
    }

    private ObjectKeyJson() {
    }

    /** A map keyed by queues, {@code {{"brokerName":...}:value,...}}, from each value's JSON text. */
    public static String queueKeyed(Map<QueueKey, String> jsonValues) {
        StringBuilder map = new StringBuilder("{");
        String separator = "";
        for (Map.Entry<QueueKey, String> entry : jsonValues.entrySet()) {
            map.append(separator).append(entry.getKey().json()).append(':').append(entry.getValue());
            separator = ",";
        }
        return map.append('}').toString();
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }

    /** {@code json} with its object keys quoted; standard JSON comes back unchanged. */
    public static String quoteObjectKeys(String json) {
        StringBuilder out = new StringBuilder(json.length() + 32);
        Deque<Frame> open = new ArrayDeque<>();
        int at = 0;
        while (at < json.length()) {
            char c = json.charAt(at);
            Frame current = open.peek();
            boolean keyNext = current != null && current.keyNext;
            if (c == '"' || c == '{' && keyNext) {
                int end = c == '"' ? endOfString(json, at) : endOfValue(json, at);
                if (c == '"') {
                    out.append(json, at, end);
                } else {
                    quote(json.substring(at, end), out);
                }
                if (keyNext) {
                    current.keyNext = false;
                }
                at = end;
                continue;
            }
            if (c == '{' || c == '[') {
                open.push(new Frame(c == '{'));
            } else if (c == '}' || c == ']') {
                open.pop();
            } else if (c == ',' && current != null && current.object) {
                current.keyNext = true;
            }
            out.append(c);
            at++;
        }
        return out.toString();
    }

    private static int endOfString(String json, int quote) {
        int at = quote + 1;
        while (json.charAt(at) != '"') {
            at += json.charAt(at) == '\\' ? 2 : 1;
        }
        return at + 1;
    }

    /** The end of the object or array opening at {@code open}. */
    private static int endOfValue(String json, int open) {
        int depth = 0;
        int at = open;
        do {
            char c = json.charAt(at);
            if (c == '"') {
                at = endOfString(json, at);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
        return at;
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}

package dev.bolide.broker.console;

import dev.bolide.broker.config.Settings;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message's trace as RocketMQ 4.9 clients with {@code enableMsgTrace} write it: each trace record
 * in {@code RMQ_SYS_TRACE_TOPIC}, or in the broker's {@code msgTraceTopicName} (where clients with a
 * customized trace topic write), carries, as its keys, the unique keys of the messages it is about, and as its
 * body their trace lines ({@code TraceDataEncoder}: fields split by U+0001, lines by U+0002):
 * {@code Pub} when the producer sent it, {@code SubBefore} and {@code SubAfter} around each
 * consumption, {@code EndTransaction} when a transaction ended. Found through the store's key index.
 */
final class MessageTrace {
    /** RocketMQ's default trace topic, where clients write unless told otherwise. */
    private static final String DEFAULT_TOPIC = Settings.MSG_TRACE_TOPIC_NAME.defaultValue();
    /** Trace records of one message worth reading: a send, retries and their consumptions. */
    private static final int MAX_RECORDS = 64;
    private static final Pattern LINES = Pattern.compile("\u0002");
    private static final Pattern FIELDS = Pattern.compile("\u0001");

    /**
     * One step of a message's life.
     *
     * @param time epoch ms; -1 when the line does not say (a SubAfter of an older client)
     */
    record Event(long time, String type, String group, String what) {
    }

    private final MessageStore store;
    /** The default trace topic, then {@code msgTraceTopicName} when it names another. */
    private final List<String> topics;

    MessageTrace(MessageStore store, String msgTraceTopicName) {
        this.store = store;
        this.topics = DEFAULT_TOPIC.equals(msgTraceTopicName) ? List.of(DEFAULT_TOPIC)
                : List.of(DEFAULT_TOPIC, msgTraceTopicName);
    }

    /** The topics traces are read from. */
    List<String> topics() {
        return topics;
    }

    /** The trace of the message with {@code uniqueKey}, oldest first. */
    List<Event> of(String uniqueKey) {
        List<Event> events = new ArrayList<>();
        for (String topic : topics) {
            for (ByteBuffer record : store.queryByKey(topic, uniqueKey, MAX_RECORDS, 0, Long.MAX_VALUE)) {
                String body = new String(StoredMessage.of(record).body(), StandardCharsets.UTF_8);
                for (String line : LINES.split(body)) {
                    Event event = event(FIELDS.split(line.strip(), -1), uniqueKey);
                    if (event != null) {
                        events.add(event);
                    }
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::time));
        return events;
    }

    /** The event of a trace line about the message; null for a line about another one or of another shape. */
    private static Event event(String[] fields, String uniqueKey) {
        try {
            return switch (fields[0]) {
                case "Pub" -> fields[5].equals(uniqueKey) ? new Event(Long.parseLong(fields[1]), "sent", fields[3],
                        (success(fields[13]) ? "stored on " : "not stored on ") + fields[8] + " in " + fields[10]
                                + " ms") : null;
                case "SubBefore" -> fields[5].equals(uniqueKey) ? new Event(Long.parseLong(fields[1]), "delivered",
                        fields[3], "reconsume times " + fields[6]) : null;
                case "SubAfter" -> fields[2].equals(uniqueKey) ? new Event(fields.length > 8
                        ? Long.parseLong(fields[7]) : -1, "consumed", fields.length > 8 ? fields[8] : "",
                        (success(fields[4]) ? "consumed in " : "failed after ") + fields[3] + " ms") : null;
                case "EndTransaction" -> fields[5].equals(uniqueKey) ? new Event(Long.parseLong(fields[1]),
                        "transaction ended", fields[3], fields[11] + (success(fields[12]) ? ", on a check-back" : ""))
                        : null;
                default -> null;
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            // a line of another client's shape: not this console's to show
            return null;
        }
    }

    private static boolean success(String field) {
        return Boolean.parseBoolean(field);
    }
}

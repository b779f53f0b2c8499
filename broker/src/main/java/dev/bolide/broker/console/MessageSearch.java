package dev.bolide.broker.console;

import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A search of the Messages page, from its query string: by message id ({@code id}: an offset
 * message id, or with {@code topic} a unique key), by key ({@code topic}, {@code key}), by queue
 * offset ({@code topic}, {@code queue}, {@code offset}), or else a topic's messages stored within
 * [{@code begin}, {@code end}], a page ({@code page}, from 0) at a time. Times are ISO-8601 (UTC when
 * no zone is given) or epoch milliseconds. Uses the store's query API as QUERY_MESSAGE and
 * VIEW_MESSAGE_BY_ID do.
 */
record MessageSearch(Map<String, String> query) {
    static final int PAGE = 50;
    /** As many as QUERY_MESSAGE returns at most. */
    private static final int KEY_MAX = 64;
    /** Each page reads the pages before it again: beyond this, a narrower time range is cheaper. */
    private static final int MAX_PAGE = 100;

    boolean isEmpty() {
        return query.isEmpty();
    }

    int page() {
        long page = number("page", 0);
        if (page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be at most " + MAX_PAGE + ": narrow the time range");
        }
        return (int) page;
    }

    /**
     * The messages found, in store time order; for a time range, one page of them and one more when
     * a next page exists.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    List<StoredMessage> run(MessageStore store, TopicConfigTable topics) {
        List<StoredMessage> found = new ArrayList<>();
        if (query.containsKey("id")) {
            byId(store, query.get("id"), found);
        } else if (query.containsKey("key")) {
            store.queryByKey(topic(), query.get("key"), KEY_MAX, begin(), end())
                    .forEach(record -> found.add(StoredMessage.of(record)));
        } else if (query.containsKey("offset")) {
            if (!query.containsKey("queue")) {
                throw new IllegalArgumentException("name the queue of the offset");
            }
            long physical = store.commitLogOffset(topic(), (int) number("queue", 0), number("offset", 0));
            add(physical < 0 ? null : store.lookupMessage(physical), found);
        } else {
            return inTimeRange(store, topics.find(topic()).orElseThrow(() ->
                    new IllegalArgumentException("no topic " + topic())).readQueueNums());
        }
        found.sort(Comparator.comparingLong(StoredMessage::storeTimestamp));
        return found;
    }

    /** An offset message id names its record; a unique key is looked up in the topic's index. */
    private void byId(MessageStore store, String id, List<StoredMessage> found) {
        if (id.length() == 32 || id.length() == 56) {
            try {
                add(store.lookupMessage(MessageId.physicalOffset(id)), found);
            } catch (IllegalArgumentException notHex) {
                // not an offset message id; perhaps a unique key
            }
        }
        if (query.containsKey("topic")) {
            store.queryByKey(topic(), id, KEY_MAX, begin(), end()).stream().map(StoredMessage::of)
                    .filter(message -> found.stream().noneMatch(same -> same.commitLogOffset()
                            == message.commitLogOffset()))
                    .forEach(found::add);
        }
    }

    private static void add(ByteBuffer record, List<StoredMessage> found) {
        if (record != null) {
            found.add(StoredMessage.of(record));
        }
    }

    /** Each queue read from its first message stored at {@code begin}, enough of it for this page. */
    private List<StoredMessage> inTimeRange(MessageStore store, int queues) {
        String topic = topic();
        long begin = begin();
        long end = end();
        int wanted = (page() + 1) * PAGE + 1;
        List<StoredMessage> found = new ArrayList<>();
        for (int queue = 0; queue < queues; queue++) {
            readQueue(store, topic, queue, begin, end, wanted, found);
        }
        found.sort(Comparator.comparingLong(StoredMessage::storeTimestamp)
                .thenComparingLong(StoredMessage::commitLogOffset));
        return found.subList(Math.min(found.size(), page() * PAGE), Math.min(found.size(), wanted));
    }

    private static void readQueue(MessageStore store, String topic, int queue, long begin, long end, int wanted,
            List<StoredMessage> found) {
        long offset = Math.max(store.minOffset(topic, queue), store.offsetByTime(topic, queue, begin));
        int taken = 0;
        while (taken < wanted && offset < store.maxOffset(topic, queue)) {
            try (GetMessageResult read = store.getMessages(topic, queue, offset, wanted - taken, MessageFilter.ALL)) {
                if (read.messages().isEmpty()) {
                    return;
                }
                for (ByteBuffer record : read.messages()) {
                    StoredMessage message = StoredMessage.of(record);
                    if (message.storeTimestamp() > end) {
                        return;
                    }
                    if (message.storeTimestamp() >= begin) {
                        found.add(message);
                        taken++;
                    }
                }
                offset = read.nextBeginOffset();
            }
        }
    }

    String topic() {
        String topic = query.get("topic");
        if (topic == null) {
            throw new IllegalArgumentException("name the topic");
        }
        return topic;
    }

    private long begin() {
        return time("begin", 0);
    }

    private long end() {
        return time("end", Long.MAX_VALUE);
    }

    private long time(String field, long absent) {
        String text = query.get(field);
        if (text == null) {
            return absent;
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return number(field, absent);
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be an ISO-8601 time such as "
                        + "2026-12-07T02:30:00Z or milliseconds since 1970, not '" + text + "'");
            }
        }
    }

    private long number(String field, long absent) {
        return Forms.number(query, field, absent);
    }
}

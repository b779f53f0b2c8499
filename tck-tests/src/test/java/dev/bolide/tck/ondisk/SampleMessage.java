package dev.bolide.tck.ondisk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.message.Message;

/**
 * The content of the {@code index}-th sample message of a topic, derived from the two alone so that
 * a test can tell what a store written long ago must hold: a body with non-ASCII text, one of two
 * tags, a key of its own and a key shared with every seventh message, and three user properties.
 */
record SampleMessage(String topic, int index, String body, String tags, List<String> keys,
        Map<String, String> properties) {

    /** Carried by every {@link #SHARED_KEY_PERIOD}-th message of a topic, for queries with many hits. */
    static final int SHARED_KEY_PERIOD = 7;

    static SampleMessage of(String topic, int index, int bodyBytes) {
        String text = topic + " #" + index + " é ✓ ";
        String body = text + "x".repeat(Math.max(0, bodyBytes - text.getBytes(StandardCharsets.UTF_8).length));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("seq", Integer.toString(index));
        properties.put("origin", "sample");
        properties.put("note", "naïve ✓ " + index);
        return new SampleMessage(topic, index, body, index % 2 == 0 ? "TagA" : "TagB",
                List.of(uniqueKey(topic, index), sharedKey(index)), properties);
    }

    static String uniqueKey(String topic, int index) {
        return topic + "-key-" + index;
    }

    static String sharedKey(int index) {
        return "customer-" + index % SHARED_KEY_PERIOD;
    }

    Message toMessage() {
        Message message = new Message(topic, tags, body.getBytes(StandardCharsets.UTF_8));
        message.setKeys(keys);
        properties.forEach(message::putUserProperty);
        return message;
    }
}

package dev.bolide.broker.send;

import java.util.HashMap;
import java.util.Map;

/** Send requests as the 4.9 client writes them, for tests that drive the send processor. */
public final class SendRequests {
    private SendRequests() {
    }

    /** The SEND_MESSAGE_V2 header (one-letter names) of a single message of producer group {@code PG}. */
    public static Map<String, String> v2Header(String topic, int queueId, String properties) {
        Map<String, String> fields = new HashMap<>();
        fields.put("a", "PG");
        fields.put("b", topic);
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", Integer.toString(queueId));
        fields.put("f", "0");
        fields.put("g", "1700000000000");
        fields.put("h", "0");
        fields.put("i", properties);
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        return fields;
    }
}

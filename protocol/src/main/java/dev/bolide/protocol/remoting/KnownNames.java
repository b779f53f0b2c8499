package dev.bolide.protocol.remoting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The property and custom field names that headers carry again and again, so that reading one
 * finds the String there is instead of making a new one per request (and the switch on it, or
 * the map's lookup, hashes a String whose hash is already computed). A name not listed is simply
 * read as a new String.
 */
final class KnownNames {
    private static final String[] NAMES = {
        // the header's own properties
        "code", "extFields", "flag", "language", "opaque", "remark", "serializeTypeCurrentRPC", "version",
        // SEND_MESSAGE and its answer
        "producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums", "queueId", "sysFlag", "bornTimestamp",
        "properties", "reconsumeTimes", "unitMode", "batch", "maxReconsumeTimes", "brokerName", "msgId",
        "queueOffset", "MSG_REGION", "TRACE_ON", "transactionId",
        // PULL_MESSAGE and its answer, offsets, heartbeats
        "consumerGroup", "maxMsgNums", "commitOffset", "suspendTimeoutMillis", "subscription", "subVersion",
        "expressionType", "nextBeginOffset", "minOffset", "maxOffset", "suggestWhichBrokerId", "offset",
        "clientID", "group",
        // what an ACL client signs with
        "AccessKey", "Signature", "SecurityToken",
    };
    /** Open addressing, at most a quarter full; {@link #SPELLINGS} holds each name's bytes in the same slot. */
    private static final String[] TABLE = new String[256];
    private static final byte[][] SPELLINGS = new byte[TABLE.length][];

    static {
        for (char letter = 'a'; letter <= 'z'; letter++) {
            // SEND_MESSAGE_V2's one-letter fields
            add(String.valueOf(letter));
        }
        for (String name : NAMES) {
            add(name);
        }
    }

    private KnownNames() {
    }

    /** The known name spelled by the ASCII bytes {@code [start, end)}, or null. */
    static String find(byte[] bytes, int start, int end) {
        for (int slot = hash(bytes, start, end); ; slot = (slot + 1) & (TABLE.length - 1)) {
            byte[] spelling = SPELLINGS[slot];
            if (spelling == null || Arrays.equals(spelling, 0, spelling.length, bytes, start, end)) {
                return TABLE[slot];
            }
        }
    }

    private static void add(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        int slot = hash(bytes, 0, bytes.length);
        while (TABLE[slot] != null) {
            slot = (slot + 1) & (TABLE.length - 1);
        }
        TABLE[slot] = name;
        SPELLINGS[slot] = bytes;
    }

    private static int hash(byte[] bytes, int start, int end) {
        // length and the first and last two bytes tell the names apart well enough, at a fixed cost
        int length = end - start;
        int hash = length == 0 ? 0
                : length * 31 + bytes[start] * 7 + bytes[end - 1] * 13 + bytes[start + length / 2] * 17;
        return (hash ^ (hash >>> 8)) & (TABLE.length - 1);
    }
}

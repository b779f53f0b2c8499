package dev.bolide.store;

import dev.bolide.protocol.message.MessageRecordView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Small stores for tests: segments of a few KiB, so that every boundary is crossed quickly. */
public final class TestStores {
    public static final int COMMIT_LOG_SEGMENT = 64 * 1024;
    public static final int MAX_MESSAGE_SIZE = 4096;
    public static final int CONSUME_QUEUE_UNITS = 100;

    private TestStores() {
    }

    public static StoreConfig.Builder config(Path dir) {
        return StoreConfig.builder(dir)
                .mappedFileSizeCommitLog(COMMIT_LOG_SEGMENT)
                .maxMessageSize(MAX_MESSAGE_SIZE)
                .mappedFileSizeConsumeQueue(CONSUME_QUEUE_UNITS * StoreConfig.CONSUME_QUEUE_UNIT)
                .maxHashSlotNum(64)
                .maxIndexNum(500)
                .flushIntervalCommitLog(java.time.Duration.ofMillis(50))
                .flushIntervalConsumeQueue(java.time.Duration.ofMillis(100));
    }

    public static MessageToStore message(String topic, int queueId, String body) {
        return MessageToStore.builder(topic, queueId, body.getBytes(StandardCharsets.UTF_8)).build();
    }

    public static MessageToStore message(String topic, int queueId, String body, Map<String, String> properties) {
        return MessageToStore.builder(topic, queueId, body.getBytes(StandardCharsets.UTF_8)).properties(properties).build();
    }

    public static String body(ByteBuffer record) {
        return new String(new MessageRecordView().wrap(record, record.position()).bodyBytes(), StandardCharsets.UTF_8);
    }
}

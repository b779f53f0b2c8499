package dev.bolide.store.crash;

import dev.bolide.store.AppendedMessage;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The child process of {@link KillNineTest}: appends from several threads to a SYNC_FLUSH store
 * until it is killed, printing one line per acknowledged message:
 * {@code ACK <queueId> <queueOffset> <physicalOffset> <bodyCrc> END}.
 */
public final class CrashWriter {
    static final String TOPIC = "crash";
    static final int QUEUES = 4;

    private CrashWriter() {
    }

    static StoreConfig config(Path dir) {
        return StoreConfig.builder(dir)
                .flushDiskType(FlushDiskType.SYNC_FLUSH)
                .mappedFileSizeCommitLog(256 * 1024)
                .maxMessageSize(4096)
                .mappedFileSizeConsumeQueue(500 * StoreConfig.CONSUME_QUEUE_UNIT)
                .maxHashSlotNum(1024)
                .maxIndexNum(4000)
                .flushIntervalConsumeQueue(java.time.Duration.ofMillis(100))
                .build();
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[1]);
        MessageStore store = MessageStore.open(config(Path.of(args[0])));
        System.out.println("READY");
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread thread = new Thread(() -> appendForever(store, writer), "writer-" + t);
            thread.start();
        }
    }

    private static void appendForever(MessageStore store, int writer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long sequence = 0; ; sequence++) {
            byte[] body = new byte[10 + random.nextInt(2000)];
            random.nextBytes(body);
            int queueId = random.nextInt(QUEUES);
            AppendedMessage appended = store.append(MessageToStore.builder(TOPIC, queueId, body)
                    .properties(Map.of("KEYS", "w" + writer + "-" + sequence)).build()).messages().get(0);
            System.out.println("ACK " + queueId + " " + appended.queueOffset() + " " + appended.physicalOffset()
                    + " " + crc(body) + " END");
        }
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}

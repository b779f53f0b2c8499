package dev.bolide.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.send.Destination;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule thread on a real store: when it delivers, what, and exactly once across a lost progress file. */
class ScheduleServiceTest {
    private static final DelayLevels LEVELS = DelayLevels.parse("1s 2s");
    private static final ScheduleSettings SETTINGS = new ScheduleSettings(LEVELS, Duration.ofMillis(200));

    @TempDir
    Path dir;
    private MessageStore store;
    private ScheduleService service;

    @BeforeEach
    void open() throws IOException {
        store = Loopback.openStore(dir, new DueTimes(LEVELS));
    }

    @AfterEach
    void close() throws IOException {
        if (service != null) {
            service.close();
        }
        store.close();
    }

    private Path configDir() {
        return dir.resolve("config");
    }

    private AppendedMessage sendDelayed(String body, int level) {
        Map<String, String> properties = new HashMap<>(Map.of("DELAY", Integer.toString(level), "KEYS", "key-" + body,
                "UNIQ_KEY", "ID-" + body, "TAGS", "TagA"));
        Destination destination = new DelayedSends(LEVELS).divert(new Destination("Orders", 1), properties, 0, -1);
        MessageToStore message = MessageToStore.builder(destination.topic(), destination.queueId(),
                body.getBytes(StandardCharsets.UTF_8)).properties(properties).reconsumeTimes(2).build();
        return store.append(message).messages().get(0);
    }

    private List<MessageRecordView> delivered() {
        return Loopback.records(store, "Orders", 1);
    }

    private static List<String> bodies(List<MessageRecordView> records) {
        return records.stream().map(r -> new String(r.bodyBytes(), StandardCharsets.UTF_8)).toList();
    }

    /** How many of the queue's first messages the filter takes (at most one is read). */
    private int matching(String topic, int queueId, MessageFilter filter) {
        try (GetMessageResult read = store.getMessages(topic, queueId, 0, 1, filter)) {
            return read.messages().size();
        }
    }

    @Test
    void theScheduleQueueUnitCarriesTheDueTime() {
        AppendedMessage parked = sendDelayed("a", 2);

        assertThat(parked.topic()).isEqualTo("SCHEDULE_TOPIC_XXXX");
        assertThat(parked.queueId()).isEqualTo(1);
        await().until(() -> store.maxOffset("SCHEDULE_TOPIC_XXXX", 1) == 1);
        long due = parked.storeTimestamp() + 2000;
        assertThat(matching("SCHEDULE_TOPIC_XXXX", 1, code -> code == due)).isEqualTo(1);
    }

    @Test
    void deliversADueMessageToItsRealQueueWithWhatTheProducerGaveIt() throws IOException {
        service = ScheduleService.start(store, SETTINGS, configDir());
        AppendedMessage parked = sendDelayed("a", 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() == 1);
        MessageRecordView message = delivered().get(0);
        assertThat(message.storeTimestamp()).isBetween(parked.storeTimestamp() + 1000, parked.storeTimestamp() + 1500);
        assertThat(MessageProperties.decode(message.properties())).containsEntry("KEYS", "key-a")
                .containsEntry("UNIQ_KEY", "ID-a").containsEntry("TAGS", "TagA").containsEntry("REAL_TOPIC", "Orders")
                .containsEntry("BOLIDE_SCHEDULE_OFFSET", Long.toString(parked.physicalOffset()))
                .doesNotContainKey("DELAY");
        assertThat(message.reconsumeTimes()).isEqualTo(2);
        assertThat(matching("Orders", 1, code -> code == "TagA".hashCode())).isEqualTo(1);
    }

    @Test
    void deliversEachMessageOnceWhenTheProgressFileLagsBehindTheCommitLog() throws IOException {
        service = ScheduleService.start(store, SETTINGS, configDir());
        for (int i = 0; i < 5; i++) {
            sendDelayed("early" + i, 1);
        }
        long beforeDeliveries = store.commitLogMaxOffset();
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() == 5);
        sendDelayed("late", 2);
        service.close();
        service = null;
        // as after a crash: the file was last written before the deliveries
        new DelayProgress(Map.of(), beforeDeliveries).store(new MetadataFile(configDir().resolve("delayOffset.json")));
        store.close();
        store = Loopback.openStore(dir, new DueTimes(LEVELS));

        service = ScheduleService.start(store, SETTINGS, configDir());

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() >= 6);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> delivered().size() == 6);
        assertThat(bodies(delivered())).containsExactly("early0", "early1", "early2", "early3", "early4", "late");
    }

    @Test
    void rebuildsProgressFromTheWholeCommitLogWhenThereIsNoFile() throws IOException {
        service = ScheduleService.start(store, SETTINGS, configDir());
        sendDelayed("a", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() == 1);
        service.close();
        service = null;
        Files.delete(configDir().resolve("delayOffset.json"));

        service = ScheduleService.start(store, SETTINGS, configDir());
        sendDelayed("b", 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() >= 2);
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> delivered().size() == 2);
        assertThat(bodies(delivered())).containsExactly("a", "b");
    }

    @Test
    void writesItsProgressPeriodicallyOnceTheCommitLogIsFlushed() throws IOException {
        store.close();
        // a store that flushes every 50 ms however little was written
        store = MessageStore.open(StoreConfig.builder(dir.resolve("store")).mappedFileSizeCommitLog(1 << 20)
                .maxHashSlotNum(1024).maxIndexNum(4096).maxMessageSize(64 * 1024)
                .flushIntervalCommitLog(Duration.ofMillis(50)).flushCommitLogLeastPages(0).build(),
                new DueTimes(LEVELS));
        service = ScheduleService.start(store, SETTINGS, configDir());
        sendDelayed("a", 1);
        sendDelayed("b", 2);
        MetadataFile file = new MetadataFile(configDir().resolve("delayOffset.json"));

        await().atMost(Duration.ofSeconds(30)).until(() -> DelayProgress.load(file).nextOffset(2) == 1);
        DelayProgress written = DelayProgress.load(file);
        assertThat(written.nextOffset(1)).isEqualTo(1);
        assertThat(written.commitLogOffset()).isLessThanOrEqualTo(store.commitLogFlushedOffset());
    }
}

package dev.bolide.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.RetentionFloor;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor the broker gives the store's retention, over a real store whose disk counts as above
 * {@code diskSpaceCleanForciblyRatio} (the ratio is 0), so that every round cleans forcibly.
 */
class UnconsumedMessagesTest {
    private static final int SEGMENT = 64 * 1024;
    private static final int MESSAGES = 240;

    @TempDir
    Path dir;
    private MessageStore store;
    private ConsumerOffsets offsets;
    private UnconsumedMessages floor;

    /** Forced cleaning in every round; expiry and the delete hour never apply. */
    static StoreConfig.Builder forcedCleaning(Path root) {
        return StoreConfig.builder(root).mappedFileSizeCommitLog(SEGMENT).maxMessageSize(4096)
                .maxHashSlotNum(64).maxIndexNum(500).cleanResourceInterval(Duration.ofHours(1))
                .deleteWhen(Set.of((LocalTime.now().getHour() + 12) % 24))
                .diskMaxUsedSpaceRatio(0).diskSpaceCleanForciblyRatio(0);
    }

    /** Message {@code i} goes to queue {@code i % 2} at queue offset {@code i / 2}; four segments in all. */
    static void fill(MessageStore store) {
        for (int i = 0; i < MESSAGES; i++) {
            store.append(MessageToStore.builder("T", i % 2, new byte[1000]).build());
        }
        await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
    }

    @BeforeEach
    void open() throws IOException {
        store = MessageStore.open(forcedCleaning(dir.resolve("store")).build());
        fill(store);
        offsets = ConsumerOffsets.load(new MetadataFile(dir.resolve("config/consumerOffset.json")));
        floor = new UnconsumedMessages(offsets, store);
        store.setRetentionFloor(floor);
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void isTheOldestMessageSomeGroupHasNotConsumed() {
        offsets.commit("A", "T", 0, 40);
        offsets.commit("A", "T", 1, MESSAGES / 2);
        offsets.commit("B", "T", 1, 10);

        RetentionFloor.Needed needed = floor.lowestNeeded();

        assertThat(needed.commitLogOffset()).isEqualTo(store.commitLogOffset("T", 1, 10));
        assertThat(needed.neededBy()).isEqualTo("group B on topic T, queue 1, from offset 10");
    }

    @Test
    void groupsThatConsumedEverythingNeedNothing() {
        offsets.commit("A", "T", 0, MESSAGES / 2);
        offsets.commit("A", "T", 1, MESSAGES / 2);

        assertThat(floor.lowestNeeded()).isEqualTo(RetentionFloor.Needed.NOTHING);
    }

    @Test
    void forcedCleaningDeletesOnlyWhatEveryGroupConsumed() throws IOException {
        offsets.commit("A", "T", 0, 80);
        offsets.commit("A", "T", 1, 80);
        long needed = store.commitLogOffset("T", 0, 80);

        assertThat(store.deleteExpiredFiles()).isPositive();
        assertThat(store.commitLogMinOffset()).isEqualTo(needed / SEGMENT * SEGMENT);
        assertThat(store.minOffset("T", 0)).isLessThanOrEqualTo(80);
        assertThat(store.minOffset("T", 1)).isLessThanOrEqualTo(80);

        offsets.commit("A", "T", 0, MESSAGES / 2);
        offsets.commit("A", "T", 1, MESSAGES / 2);
        store.deleteExpiredFiles();
        assertThat(store.commitLogMinOffset()).as("all but the newest segment")
                .isEqualTo(store.commitLogMaxOffset() / SEGMENT * SEGMENT);
    }
}

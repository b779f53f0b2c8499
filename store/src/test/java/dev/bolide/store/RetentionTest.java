package dev.bolide.store;

import static dev.bolide.store.TestStores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoThreadLeaks.class)
class RetentionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneId.systemDefault());
    private static final int THIS_HOUR = LocalTime.now(CLOCK).getHour();
    private static final int OTHER_HOUR = (THIS_HOUR + 12) % 24;

    @TempDir
    Path dir;

    private StoreConfig.Builder config() {
        return TestStores.config(dir).clock(CLOCK).fileReservedTime(Duration.ofHours(1))
                .diskMaxUsedSpaceRatio(1.0).diskSpaceCleanForciblyRatio(1.0)
                .cleanResourceInterval(Duration.ofHours(1));
    }

    /** Fills about four CommitLog segments, messages keyed by their number. */
    private static int fill(MessageStore store) {
        int count = 0;
        while (store.commitLogMaxOffset() < 4L * TestStores.COMMIT_LOG_SEGMENT) {
            store.append(message("t", 0, "x".repeat(1000), Map.of(PropertyKeys.KEYS, "k" + count++)));
        }
        await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
        return count;
    }

    private void ageCommitLog(Duration age) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("commitlog"))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(CLOCK.instant().minus(age)));
            }
        }
    }

    @Test
    void deletesExpiredSegmentsAtTheDeleteHourButNeverTheNewest() throws IOException {
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(THIS_HOUR)).build())) {
            int count = fill(store);
            ageCommitLog(Duration.ofHours(2));

            int deleted = store.deleteExpiredFiles();

            assertThat(deleted).isGreaterThanOrEqualTo(3);
            assertThat(store.commitLogMinOffset()).isEqualTo((long) deleted * TestStores.COMMIT_LOG_SEGMENT);
            long min = store.minOffset("t", 0);
            assertThat(min).isPositive();
            assertThat(store.getMessages("t", 0, 0, 1, MessageFilter.ALL).status())
                    .isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
            try (GetMessageResult first = store.getMessages("t", 0, min, 1, MessageFilter.ALL)) {
                assertThat(first.status()).isEqualTo(GetMessageStatus.FOUND);
            }
            assertThat(store.queryByKey("t", "k" + (count - 1), 1, 0, Long.MAX_VALUE)).hasSize(1);
        }
    }

    @Test
    void keepsSegmentsYoungerThanFileReservedTime() throws IOException {
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(THIS_HOUR)).build())) {
            fill(store);
            ageCommitLog(Duration.ofMinutes(30));

            assertThat(store.deleteExpiredFiles()).isZero();
            assertThat(store.commitLogMinOffset()).isZero();
        }
    }

    @Test
    void outsideTheDeleteHourDeletesOnlyWhenTheDiskIsAboveDiskMaxUsedSpaceRatio() throws IOException {
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(OTHER_HOUR)).build())) {
            fill(store);
            ageCommitLog(Duration.ofHours(2));
            store.deleteExpiredFiles();
            assertThat(store.commitLogMinOffset()).isZero();
        }
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(OTHER_HOUR))
                .diskMaxUsedSpaceRatio(0.0).build())) {
            store.deleteExpiredFiles();
            assertThat(store.commitLogMinOffset()).as("expired segments deleted (by this call or the round at start)")
                    .isPositive();
        }
    }

    @Test
    void anOperatorsRequestDeletesExpiredSegmentsOutsideTheDeleteHour() throws IOException {
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(OTHER_HOUR)).build())) {
            fill(store);
            ageCommitLog(Duration.ofHours(2));

            assertThat(store.deleteExpiredFilesNow()).isPositive();
            assertThat(store.commitLogMinOffset()).isPositive();
        }
    }

    private StoreConfig.Builder aboveTheForciblyRatio() {
        return config().deleteWhen(Set.of(OTHER_HOUR)).diskMaxUsedSpaceRatio(0.0)
                .diskSpaceCleanForciblyRatio(0.0);
    }

    @Test
    void aboveTheForciblyRatioDeletesConsumedSegmentsBeforeTheyExpire() throws IOException {
        try (MessageStore store = MessageStore.open(aboveTheForciblyRatio().build())) {
            fill(store);
            long oldestUnconsumed = 2L * TestStores.COMMIT_LOG_SEGMENT + 100;
            store.setRetentionFloor(() -> new RetentionFloor.Needed(oldestUnconsumed, "group g"));

            assertThat(store.deleteExpiredFiles()).isEqualTo(2);
            assertThat(store.commitLogMinOffset()).isEqualTo(2L * TestStores.COMMIT_LOG_SEGMENT);
        }
    }

    @Test
    void forcedCleaningKeepsUnconsumedSegmentsAndAFullDiskRefusesAppendsSayingWhy() throws IOException {
        try (MessageStore store = MessageStore.open(aboveTheForciblyRatio().build())) {
            fill(store);
        }
        try (MessageStore store = MessageStore.open(aboveTheForciblyRatio().diskSpaceWarningLevelRatio(0.0).build())) {
            store.setRetentionFloor(() -> new RetentionFloor.Needed(100, "group g on topic t, queue 0, offset 1"));

            assertThat(store.deleteExpiredFiles()).isZero();
            assertThat(store.commitLogMinOffset()).isZero();
            assertThatThrownBy(() -> store.append(message("t", 0, "more")))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.DISK_FULL))
                    .hasMessageContaining("above diskSpaceWarningLevelRatio 0.0%")
                    .hasMessageContaining("forced cleaning kept 4 CommitLog file(s) from 00000000000000000000 on")
                    .hasMessageContaining("needed by group g on topic t, queue 0, offset 1")
                    .hasMessageContaining("cleanUnconsumedFileForciblyEnable=true");
        }
    }

    @Test
    void withoutAFloorEveryMessageCountsAsUnconsumed() throws IOException {
        try (MessageStore store = MessageStore.open(aboveTheForciblyRatio().build())) {
            fill(store);

            assertThat(store.deleteExpiredFiles()).isZero();
        }
    }

    @Test
    void cleanUnconsumedFileForciblyEnableDeletesThemAsRocketMqDoes() throws IOException {
        try (MessageStore store = MessageStore.open(aboveTheForciblyRatio().cleanUnconsumedFileForciblyEnable(true)
                .deleteFilesBatchMax(2).build())) {
            fill(store);

            assertThat(store.deleteExpiredFiles()).isEqualTo(2);
        }
    }

    @Test
    void withoutCleanFileForciblyEnableOnlyExpiredSegmentsGo() throws IOException {
        try (MessageStore store = MessageStore.open(aboveTheForciblyRatio().cleanFileForciblyEnable(false)
                .cleanUnconsumedFileForciblyEnable(true).build())) {
            fill(store);
            store.setRetentionFloor(() -> RetentionFloor.Needed.NOTHING);

            assertThat(store.deleteExpiredFiles()).isZero();
        }
    }

    @Test
    void derivedFilesReferringOnlyToDeletedSegmentsGoToo() throws IOException {
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(THIS_HOUR))
                .mappedFileSizeConsumeQueue(10 * StoreConfig.CONSUME_QUEUE_UNIT).maxIndexNum(20).build())) {
            fill(store);
            long queueSegments = count(dir.resolve("consumequeue/t/0"));
            long indexFiles = count(dir.resolve("index"));
            ageCommitLog(Duration.ofHours(2));

            store.deleteExpiredFiles();

            assertThat(count(dir.resolve("consumequeue/t/0"))).isLessThan(queueSegments);
            assertThat(count(dir.resolve("index"))).isLessThan(indexFiles);
        }
    }

    @Test
    void cleanExpiredConsumeQueuesDeletesTheQueuesAllOfWhoseMessagesAreGoneAsRocketMq() throws IOException {
        try (MessageStore store = MessageStore.open(config().deleteWhen(Set.of(THIS_HOUR)).build())) {
            store.append(message("kept", 0, "delay level"));
            fill(store);
            while (store.commitLogMaxOffset() < 6L * TestStores.COMMIT_LOG_SEGMENT) {
                store.append(message("live", 0, "x".repeat(1000)));
            }
            await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
            ageCommitLog(Duration.ofHours(2));
            store.deleteExpiredFiles();

            int deleted = store.cleanExpiredConsumeQueues(topic -> topic.equals("kept"));

            assertThat(deleted).isEqualTo(1);
            assertThat(dir.resolve("consumequeue/t")).doesNotExist();
            assertThat(store.maxOffset("kept", 0)).as("kept whole, trimmed only").isEqualTo(1);
            try (GetMessageResult live = store.getMessages("live", 0, store.minOffset("live", 0), 1,
                    MessageFilter.ALL)) {
                assertThat(live.messages()).hasSize(1);
            }
        }
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}

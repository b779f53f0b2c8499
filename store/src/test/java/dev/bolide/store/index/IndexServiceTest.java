package dev.bolide.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.store.TestStores;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTest {
    @TempDir
    Path dir;
    IndexService index;

    @BeforeEach
    void open() throws IOException {
        index = IndexService.open(TestStores.config(dir).maxHashSlotNum(16).maxIndexNum(40).build());
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** Record n is at offset 100 * n, stored at time 1000 * n, with key "k" + n. */
    private void indexRecords(int from, int to) {
        for (int n = from; n < to; n++) {
            index.index("t", List.of("k" + n), 100L * n, 1_000_000L + 1000L * n);
        }
    }

    private List<Long> find(String key) {
        return index.query("t", key, 10, 0, Long.MAX_VALUE);
    }

    @Test
    void findsEveryKeyAfterTheIndexRolledOverToNewFiles() throws IOException {
        indexRecords(1, 150);

        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            assertThat(files.count()).isGreaterThan(3);
        }
        for (int n = 1; n < 150; n++) {
            assertThat(find("k" + n)).as("k%d", n).containsExactly(100L * n);
        }
    }

    @Test
    void keysOfAnotherTopicDoNotMatch() {
        indexRecords(1, 5);

        assertThat(index.query("u", "k1", 10, 0, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void returnsNewestFirstWithinTheLimitAndTimeRange() {
        for (int n = 1; n <= 6; n++) {
            index.index("t", List.of("same"), 100L * n, 1_000_000L + 1000L * n);
        }

        assertThat(index.query("t", "same", 3, 0, Long.MAX_VALUE)).containsExactly(600L, 500L, 400L);
        assertThat(index.query("t", "same", 10, 1_002_000L, 1_003_000L)).containsExactly(300L, 200L);
    }

    @Test
    void aRecordAlreadyIndexedIsSkipped() {
        indexRecords(1, 5);

        index.index("t", List.of("k3"), 300L, 1_003_000L);

        assertThat(find("k3")).containsExactly(300L);
    }

    @Test
    void repairKeepsEntriesUpToThePositionAndDropsTheRest() {
        indexRecords(1, 20);
        IndexPosition checkpoint = index.position();
        indexRecords(20, 30);

        index.repair(checkpoint, Long.MAX_VALUE);

        assertThat(find("k19")).containsExactly(1900L);
        assertThat(find("k20")).isEmpty();
        indexRecords(20, 30);
        assertThat(find("k25")).containsExactly(2500L);
    }

    @Test
    void repairDropsEntriesPastTheCommitLogEnd() {
        indexRecords(1, 20);

        index.repair(index.position(), 1500);

        assertThat(find("k14")).containsExactly(1400L);
        assertThat(find("k15")).isEmpty();
    }

    @Test
    void repairDeletesFilesCreatedAfterThePosition() {
        indexRecords(1, 10);
        IndexPosition checkpoint = index.position();
        indexRecords(10, 100);

        index.repair(checkpoint, Long.MAX_VALUE);

        assertThat(find("k9")).containsExactly(900L);
        assertThat(find("k50")).isEmpty();
    }

    /**
     * "Orders#order-1" hashes to -122581516: RocketMQ files it under its absolute value, slot
     * 122581516 % 16 = 12, and so must Bolide, or RocketMQ finds nothing in a store Bolide wrote.
     */
    @Test
    void aKeyWithANegativeHashCodeIsFiledWhereRocketMqLooksForIt() throws IOException {
        index.index("Orders", List.of("order-1"), 4096, 1_000_000L);
        index.close();

        byte[] file = Files.readAllBytes(onlyIndexFile());
        int slot = ByteBuffer.wrap(file).getInt(40 + 12 * 4);
        int hashInEntry = ByteBuffer.wrap(file).getInt(40 + 16 * 4 + 20);
        index = IndexService.open(TestStores.config(dir).maxHashSlotNum(16).maxIndexNum(40).build());

        assertThat(slot).as("entry number in RocketMQ's slot").isEqualTo(1);
        assertThat(hashInEntry).isEqualTo(122_581_516);
        assertThat(index.query("Orders", "order-1", 10, 0, Long.MAX_VALUE)).containsExactly(4096L);
    }

    /** The slots of the file being written are held in memory (see SlotTable): a flush writes them. */
    @Test
    void aFlushWritesTheSlotsOfTheFileStillBeingWritten() throws IOException {
        index.index("Orders", List.of("order-1"), 4096, 1_000_000L);

        index.flush();

        int slot = ByteBuffer.wrap(Files.readAllBytes(onlyIndexFile())).getInt(40 + 12 * 4);
        assertThat(slot).as("entry number in the key's slot, in the file").isEqualTo(1);
    }

    @Test
    void entriesAddedAfterAReopenJoinThoseBefore() throws IOException {
        indexRecords(1, 15);
        reopen();

        indexRecords(15, 30);
        reopen();

        for (int n = 1; n < 30; n++) {
            assertThat(find("k" + n)).as("k%d", n).containsExactly(100L * n);
        }
    }

    private void reopen() throws IOException {
        index.close();
        index = IndexService.open(TestStores.config(dir).maxHashSlotNum(16).maxIndexNum(40).build());
    }

    private Path onlyIndexFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }
}

package dev.bolide.store.consumequeue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTableTest {
    private static final int UNITS_PER_SEGMENT = 10;

    @TempDir
    Path dir;
    ConsumeQueueTable table;

    @BeforeEach
    void open() throws IOException {
        table = ConsumeQueueTable.open(dir, UNITS_PER_SEGMENT * ConsumeQueue.UNIT);
    }

    @AfterEach
    void close() {
        table.close();
    }

    private void fill(String topic, long from, long to) {
        for (long n = from; n < to; n++) {
            table.put(topic, 0, n, 100 * n, 100, n);
        }
    }

    @Test
    void aReaderHoldingASegmentOfADeletedTopicReadsOnAndTheFileGoesWhenItLetsGo() {
        fill("gone", 0, 25);
        ConsumeQueue queue = table.find("gone", 0);
        Path firstSegment = dir.resolve("gone/0").resolve("00000000000000000000");
        List<Long> read = new ArrayList<>();
        boolean[] fileWhileHeld = new boolean[1];

        queue.read(0, 5, (queueOffset, physicalOffset, size, tags) -> {
            if (queueOffset == 0) {
                assertThat(table.deleteTopic("gone")).isEqualTo(1);
                fileWhileHeld[0] = Files.exists(firstSegment);
            }
            read.add(physicalOffset);
            return true;
        });

        assertThat(read).as("the held segment stays mapped").containsExactly(0L, 100L, 200L, 300L, 400L);
        assertThat(fileWhileHeld[0]).isTrue();
        assertThat(firstSegment).doesNotExist();
        assertThat(table.find("gone", 0)).isNull();
        assertThat(queue.maxOffset()).as("what the old queue still answers").isZero();
        assertThat(dir.resolve("gone/0").resolve("00000000000000000200")).doesNotExist();
    }

    @Test
    void aUnitOfADeletedTopicWrittenLaterGoesIntoANewQueueAtItsOffset() {
        fill("gone", 0, 25);
        ConsumeQueue old = table.find("gone", 0);
        table.deleteTopic("gone");

        assertThat(old.put(25, 2_500, 100, 25)).as("the deleted queue refuses the unit").isFalse();
        table.put("gone", 0, 25, 2_500, 100, 25);

        ConsumeQueue replacement = table.find("gone", 0);
        assertThat(replacement).isNotSameAs(old);
        assertThat(replacement.maxOffset()).isEqualTo(26);
        assertThat(replacement.minOffset()).as("the unit's own: nothing below it is stored").isEqualTo(25);
        assertThat(replacement.physicalOffsetAt(25)).isEqualTo(2_500);
    }

    @Test
    void deletingOneQueueKeepsTheTopicsOthersAndThenItsDirectory() {
        fill("t", 0, 3);
        table.put("t", 1, 0, 50, 10, 0);

        table.delete(table.find("t", 0));

        assertThat(dir.resolve("t/0")).doesNotExist();
        assertThat(table.find("t", 1).maxOffset()).isEqualTo(1);
        table.delete(table.find("t", 1));
        assertThat(dir.resolve("t")).doesNotExist();
        assertThat(table.all()).isEmpty();
    }

    @Test
    void holdsOnlyDataBelowTellsAQueueWhoseLastMessageIsGone() {
        fill("t", 0, 3);
        ConsumeQueue queue = table.find("t", 0);

        assertThat(queue.holdsOnlyDataBelow(300)).isTrue();
        assertThat(queue.holdsOnlyDataBelow(299)).isFalse();
        assertThat(table.findOrCreate("empty", 0).holdsOnlyDataBelow(1_000)).as("never written").isFalse();
    }
}

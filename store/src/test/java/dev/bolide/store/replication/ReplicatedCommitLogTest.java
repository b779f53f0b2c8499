package dev.bolide.store.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.store.FlushDiskType;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.QueueUnit;
import dev.bolide.store.TestStores;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A slave's store built from its master's CommitLog bytes, and the bytes it must refuse. */
@ExtendWith(NoThreadLeaks.class)
class ReplicatedCommitLogTest {
    /** Not a divisor of any record size: chunks end in the middle of records, as RocketMQ's do. */
    private static final int CHUNK = 1000;
    private static final List<String> TOPICS = List.of("orders", "payments", "audit");

    @TempDir
    Path master;
    @TempDir
    Path slave;

    @ParameterizedTest
    @EnumSource(FlushDiskType.class)
    void chunksCopiedFromTheMasterMakeAnIdenticalCommitLogAndIdenticalQueues(FlushDiskType slaveFlush)
            throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH);
                MessageStore copy = open(slave, slaveFlush)) {
            appendAcrossSegments(source, 300);

            copyFrom(0, source.replication(), copy.replication(), CHUNK);

            assertThat(copy.commitLogMaxOffset()).isEqualTo(source.commitLogMaxOffset())
                    .isGreaterThan(2L * TestStores.COMMIT_LOG_SEGMENT);
            assertSameBytes(source, copy);
            await().until(() -> copy.dispatchedOffset() == copy.commitLogMaxOffset());
            for (String topic : TOPICS) {
                for (int queueId = 0; queueId < 2; queueId++) {
                    assertThat(units(copy, topic, queueId)).isEqualTo(units(source, topic, queueId)).isNotEmpty();
                }
            }
        }
    }

    @Test
    void aSlaveReopenedWithAHalfReceivedRecordResumesWhereItsLastWholeRecordEnds() throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH)) {
            appendAcrossSegments(source, 300);
            long halfway;
            try (MessageStore copy = open(slave, FlushDiskType.ASYNC_FLUSH)) {
                ReplicatedCommitLog replica = copy.replication();
                replica.append(0, source.replication().read(0, 3 * CHUNK + 17));
                halfway = replica.maxOffset();
            }
            try (MessageStore copy = open(slave, FlushDiskType.ASYNC_FLUSH)) {
                long resumed = copy.commitLogMaxOffset();
                assertThat(resumed).isLessThan(halfway).isPositive();

                copyEverything(source.replication(), copy.replication(), CHUNK);

                assertSameBytes(source, copy);
                await().until(() -> copy.dispatchedOffset() == copy.commitLogMaxOffset());
                assertThat(units(copy, "orders", 0)).isEqualTo(units(source, "orders", 0));
            }
        }
    }

    @Test
    void framesReadIntoOneReusedDirectBufferMakeAnIdenticalCommitLog() throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH);
                MessageStore copy = open(slave, FlushDiskType.ASYNC_FLUSH)) {
            appendAcrossSegments(source, 300);
            // the slave's HA connection reads every frame into the same buffer: a record's start
            // kept for the next frame must not change when the buffer is overwritten
            ByteBuffer reused = ByteBuffer.allocateDirect(CHUNK);
            for (long next = 0; next < source.commitLogMaxOffset(); ) {
                ByteBuffer chunk = source.replication().read(next, CHUNK);
                reused.clear().put(chunk).flip();
                copy.replication().append(next, reused);
                next += reused.limit();
                reused.clear().put(new byte[CHUNK]);
            }

            assertSameBytes(source, copy);
            await().until(() -> copy.dispatchedOffset() == copy.commitLogMaxOffset());
            assertThat(units(copy, "orders", 1)).isEqualTo(units(source, "orders", 1)).isNotEmpty();
        }
    }

    @Test
    void bytesBeyondTheEndAreRefusedAsAGap() throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH);
                MessageStore copy = open(slave, FlushDiskType.ASYNC_FLUSH)) {
            appendAcrossSegments(source, 10);
            copy.replication().append(0, source.replication().read(0, CHUNK));

            assertThatThrownBy(() -> copy.replication().append(CHUNK + 1, source.replication().read(CHUNK + 1, 10)))
                    .isInstanceOfSatisfying(ReplicationException.class,
                            e -> assertThat(e.reason()).isEqualTo(ReplicationException.Reason.GAP))
                    .hasMessageContaining("missing");
            assertThat(copy.replication().maxOffset()).isEqualTo(CHUNK);
        }
    }

    @Test
    void bytesThatDifferFromThoseStoredAreRefusedAsDivergenceAndEqualOnesAreSkipped() throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH);
                MessageStore copy = open(slave, FlushDiskType.ASYNC_FLUSH)) {
            appendAcrossSegments(source, 10);
            copy.replication().append(0, source.replication().read(0, CHUNK));
            ByteBuffer overlapping = source.replication().read(CHUNK / 2, CHUNK);
            ByteBuffer tampered = ByteBuffer.allocate(overlapping.remaining()).put(overlapping.duplicate()).flip();
            tampered.put(10, (byte) (tampered.get(10) + 1));

            assertThatThrownBy(() -> copy.replication().append(CHUNK / 2, tampered))
                    .isInstanceOfSatisfying(ReplicationException.class,
                            e -> assertThat(e.reason()).isEqualTo(ReplicationException.Reason.DIVERGED));
            assertThat(copy.replication().maxOffset()).isEqualTo(CHUNK);

            assertThat(copy.replication().append(CHUNK / 2, overlapping)).isEqualTo(CHUNK / 2 + CHUNK);
            ByteBuffer stored = copy.replication().read(0, 2 * CHUNK);
            assertThat(stored.remaining()).isPositive();
            assertSameBytes(source.replication().read(0, stored.remaining()), stored);
        }
    }

    @Test
    void aSlaveAheadOfItsMasterIsRefused() throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH)) {
            appendAcrossSegments(source, 10);

            assertThatThrownBy(() -> source.replication().transferStart(source.commitLogMaxOffset() + 1))
                    .isInstanceOfSatisfying(ReplicationException.class,
                            e -> assertThat(e.reason()).isEqualTo(ReplicationException.Reason.AHEAD))
                    .hasMessageContaining("beyond the master's end");
        }
    }

    @Test
    void anEmptySlaveStartsAtTheMastersNewestSegmentAndOnlyAtASegmentBoundary() throws IOException {
        try (MessageStore source = open(master, FlushDiskType.ASYNC_FLUSH);
                MessageStore copy = open(slave, FlushDiskType.ASYNC_FLUSH)) {
            appendAcrossSegments(source, 300);
            long start = source.replication().transferStart(0);
            assertThat(start).isPositive().isEqualTo(source.commitLogMaxOffset()
                    - source.commitLogMaxOffset() % TestStores.COMMIT_LOG_SEGMENT);

            assertThatThrownBy(() -> copy.replication().append(start + 1, source.replication().read(start + 1, 10)))
                    .isInstanceOf(ReplicationException.class).hasMessageContaining("segment boundary");
            copyEverything(source.replication(), copy.replication(), CHUNK);

            assertThat(copy.commitLogMinOffset()).isEqualTo(start);
            assertSameBytes(source.replication().read(start, TestStores.COMMIT_LOG_SEGMENT),
                    copy.replication().read(start, TestStores.COMMIT_LOG_SEGMENT));
            await().until(() -> copy.dispatchedOffset() == copy.commitLogMaxOffset());
            List<QueueUnit> last = units(source, "orders", 0);
            assertThat(units(copy, "orders", 0)).isNotEmpty()
                    .isEqualTo(last.stream().filter(unit -> unit.physicalOffset() >= start).toList());
        }
    }

    private static MessageStore open(Path dir, FlushDiskType flush) throws IOException {
        return MessageStore.open(TestStores.config(dir).flushDiskType(flush).build());
    }

    private static void appendAcrossSegments(MessageStore store, int count) {
        for (int i = 0; i < count; i++) {
            String topic = TOPICS.get(i % TOPICS.size());
            String body = "message " + i + " " + "x".repeat(300 + i % 200);
            store.append(MessageToStore.builder(topic, i % 2, body.getBytes(StandardCharsets.UTF_8))
                    .properties(Map.of("KEYS", "k" + i)).build());
        }
    }

    /** What the broker's HA connection does, without the network, from where the master says. */
    private static void copyEverything(ReplicatedCommitLog from, ReplicatedCommitLog to, int chunk) {
        copyFrom(from.transferStart(to.maxOffset()), from, to, chunk);
    }

    private static void copyFrom(long start, ReplicatedCommitLog from, ReplicatedCommitLog to, int chunk) {
        long next = start;
        while (next < from.maxOffset()) {
            ByteBuffer bytes = from.read(next, chunk);
            next += bytes.remaining();
            to.append(next - bytes.remaining(), bytes);
        }
    }

    private static void assertSameBytes(MessageStore source, MessageStore copy) {
        for (long offset = source.commitLogMinOffset(); offset < source.commitLogMaxOffset(); ) {
            ByteBuffer expected = source.replication().read(offset, TestStores.COMMIT_LOG_SEGMENT);
            assertSameBytes(expected, copy.replication().read(offset, TestStores.COMMIT_LOG_SEGMENT));
            offset += expected.remaining();
        }
    }

    private static void assertSameBytes(ByteBuffer expected, ByteBuffer actual) {
        assertThat(actual.remaining()).isEqualTo(expected.remaining());
        assertThat(actual.mismatch(expected)).isEqualTo(-1);
    }

    private static List<QueueUnit> units(MessageStore store, String topic, int queueId) {
        return store.queueUnits(topic, queueId, store.minOffset(topic, queueId), 10_000).orElse(List.of());
    }
}

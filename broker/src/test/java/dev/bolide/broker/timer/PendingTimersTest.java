package dev.bolide.broker.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk pending timers, driven directly with a time of the test's choosing. */
class PendingTimersTest {
    private static final long T0 = 1_800_000_000_000L;
    /** A wheel of 11 slots of 100 ms: timers more than 1.1 s ahead wrap around it. */
    private static final TimerSettings SMALL_WHEEL = new TimerSettings(1, 100);

    @TempDir
    Path dir;

    private static List<DueTimer> drain(PendingTimers pending, long now) {
        List<DueTimer> all = new ArrayList<>();
        for (List<DueTimer> due = pending.takeDue(now, 1000); !due.isEmpty(); due = pending.takeDue(now, 1000)) {
            due.forEach(pending::markDelivered);
            all.addAll(due);
        }
        return all;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aMillionPendingTimersNeedNoHeapPerTimerAndComeDueInOrder() throws IOException {
        int count = 1_000_000;
        Random random = new Random(42);
        long heapBefore = usedHeapAfterGc();
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0)) {
            for (int i = 0; i < count; i++) {
                pending.add(T0 + 1 + random.nextInt(600_000), i, 1000L * i, 100);
            }
            long growth = usedHeapAfterGc() - heapBefore;
            System.out.printf("1M pending timers: heap grew by %.1f MiB%n", growth / 1048576.0);
            assertThat(growth).as("heap growth for %d pending timers", count).isLessThan(32L << 20);

            long previousWake = T0;
            long lateness = 0;
            int handedOut = 0;
            for (long wake = pending.nextDueTime(); wake != Long.MAX_VALUE;
                    wake = Math.max(pending.nextDueTime(), wake + TimerLoop.GRANULARITY_MS)) {
                for (DueTimer timer : drain(pending, wake)) {
                    assertThat(timer.due()).as("due after the previous walk, not after this one")
                            .isGreaterThan(previousWake).isLessThanOrEqualTo(wake);
                    lateness = Math.max(lateness, wake - timer.due());
                    handedOut++;
                }
                previousWake = wake;
            }
            assertThat(handedOut).isEqualTo(count);
            assertThat(lateness).isLessThanOrEqualTo(TimerLoop.GRANULARITY_MS);
        }
    }

    @Test
    void aTimerIsHandedOutAtItsExactTimeNotAtItsSlot() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0)) {
            pending.add(T0 + 1_537, 7, 700, 80);

            assertThat(pending.takeDue(T0 + 1_536, 10)).isEmpty();
            assertThat(pending.nextDueTime()).isBetween(T0 + 1_500, T0 + 1_537);
            assertThat(pending.takeDue(T0 + 1_537, 10)).containsExactly(new DueTimer(TimerLog.ENTRY_SIZE, 7, 700, 80,
                    T0 + 1_537));
        }
    }

    @Test
    void aTimerAddedWhenAlreadyDueIsHandedOutAtOnce() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0)) {
            assertThat(pending.takeDue(T0 + 5_000, 10)).isEmpty();

            pending.add(T0 + 1_000, 1, 100, 80);

            assertThat(pending.nextDueTime()).isLessThanOrEqualTo(T0 + 5_000);
            assertThat(pending.takeDue(T0 + 5_000, 10)).extracting(DueTimer::timerOffset).containsExactly(1L);
        }
    }

    @Test
    void aTimerStaysPendingUntilMarkedDelivered() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0)) {
            pending.add(T0 + 10, 1, 100, 80);

            DueTimer first = pending.takeDue(T0 + 10, 10).get(0);
            assertThat(pending.takeDue(T0 + 11, 10)).containsExactly(first);
            assertThat(pending.pendingCount()).isEqualTo(1);
            pending.markDelivered(first);
            pending.markDelivered(first);
            assertThat(pending.pendingCount()).as("delivered once, counted once").isZero();
            assertThat(pending.takeDue(T0 + 12, 10)).isEmpty();
            assertThat(pending.nextDueTime()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void aDeliveryMarkerFromAnotherBrokersLogFindsTheEntryByItsTimerOffset() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, SMALL_WHEEL, 8, T0)) {
            for (int i = 0; i < 20; i++) {
                pending.add(T0 + 10, 100 + i, 1000L * i, 80);
            }
            long elsewhere = 3 * TimerLog.ENTRY_SIZE;

            assertThat(pending.markDelivered(elsewhere, 117)).isTrue();
            assertThat(pending.markDelivered(elsewhere, 117)).as("delivered once").isFalse();
            assertThat(pending.markDelivered(elsewhere, 120)).as("a timer not in the log").isFalse();
            assertThat(pending.pendingCount()).isEqualTo(19);
            assertThat(drain(pending, T0 + 10)).extracting(DueTimer::timerOffset).hasSize(19).doesNotContain(117L);
        }
    }

    @Test
    void aTimerAddedDeliveredIsNeverHandedOut() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0)) {
            pending.addDelivered(T0 + 10, 0, 0, 80);
            pending.add(T0 + 10, 1, 100, 80);

            assertThat(pending.pendingCount()).isEqualTo(1);
            assertThat(pending.takeDue(T0 + 10, 10)).extracting(DueTimer::timerOffset).containsExactly(1L);
            assertThat(pending.nextTimerOffset()).isEqualTo(2);
        }
    }

    @Test
    void aTimerFurtherAheadThanTheWheelSpansWaitsForItsTurn() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, SMALL_WHEEL, T0)) {
            pending.add(T0 + 5_050, 1, 100, 80);

            for (long now = T0; now < T0 + 5_050; now += 10) {
                assertThat(pending.takeDue(now, 10)).as("at %d ms", now - T0).isEmpty();
            }
            assertThat(pending.takeDue(T0 + 5_050, 10)).hasSize(1);
        }
    }

    @Test
    void overManyTurnsOfASmallWheelEveryTimerIsHandedOutOnceNeitherEarlyNorLate() throws IOException {
        Random random = new Random(7);
        List<Long> addedAt = new ArrayList<>();
        Set<Long> handedOut = new HashSet<>();
        try (PendingTimers pending = PendingTimers.open(dir, SMALL_WHEEL, 8, T0)) {
            long previous = T0;
            for (long now = T0; now < T0 + 20_000; now += 1 + random.nextInt(30)) {
                for (int i = random.nextInt(4); i > 0; i--) {
                    pending.add(now - 50 + random.nextInt(4_000), addedAt.size(), 0, 80);
                    addedAt.add(now);
                }
                for (DueTimer timer : drain(pending, now)) {
                    long dueAt = Math.max(timer.due(), addedAt.get((int) timer.timerOffset()));
                    assertThat(dueAt).as("timer %d: not early, not later than the first walk after its time",
                            timer.timerOffset()).isLessThanOrEqualTo(now).isGreaterThan(previous);
                    assertThat(handedOut.add(timer.timerOffset())).as("timer %d handed out once", timer.timerOffset())
                            .isTrue();
                }
                pending.releaseDelivered(100);
                previous = now;
            }
            drain(pending, T0 + 30_000).forEach(timer -> handedOut.add(timer.timerOffset()));
            pending.releaseDelivered(Integer.MAX_VALUE);
        }
        assertThat(handedOut).hasSize(addedAt.size());
        try (Stream<Path> segments = Files.list(dir.resolve("log"))) {
            assertThat(segments.count()).as("log segments left once all is delivered").isEqualTo(1);
        }
    }

    @Test
    void pendingTimersSurviveACleanRestartAndWhatFellDueMeanwhileComesAtOnce() throws IOException {
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0)) {
            pending.add(T0 + 100, 0, 0, 80);
            pending.add(T0 + 2_000, 1, 100, 80);
            pending.add(T0 + 60_000, 2, 200, 80);
            assertThat(drain(pending, T0 + 100)).extracting(DueTimer::timerOffset).containsExactly(0L);
        }
        try (PendingTimers pending = PendingTimers.open(dir, TimerSettings.DEFAULT, T0 + 30_000)) {
            assertThat(pending.recoveredFromCrash()).isFalse();
            assertThat(pending.pendingCount()).as("counted again at open").isEqualTo(2);
            assertThat(pending.nextTimerOffset()).isEqualTo(3);
            assertThat(drain(pending, T0 + 30_000)).extracting(DueTimer::timerOffset).containsExactly(1L);
            assertThat(drain(pending, T0 + 60_000)).extracting(DueTimer::timerOffset).containsExactly(2L);
        }
    }

    @Test
    void afterACrashTheWheelIsRebuiltAndATornLastEntryIsTakenInAgain() throws IOException {
        Path crashed = dir.resolve("crashed");
        try (PendingTimers pending = PendingTimers.open(dir.resolve("running"), TimerSettings.DEFAULT, T0)) {
            for (int i = 0; i < 5; i++) {
                pending.add(T0 + 1_000 * i, i, 100L * i, 80);
            }
            drain(pending, T0 + 1_000);
            CrashImage.copy(dir.resolve("running"), crashed);
        }
        CrashImage.overwrite(crashed.resolve("wheel"), 16, new byte[64]);
        CrashImage.overwrite(crashed.resolve("log").resolve(String.format("%020d", 0)), 5L * TimerLog.ENTRY_SIZE + 8,
                new byte[] {1});

        try (PendingTimers pending = PendingTimers.open(crashed, TimerSettings.DEFAULT, T0 + 10_000)) {
            assertThat(pending.recoveredFromCrash()).isTrue();
            assertThat(pending.pendingCount()).as("timers 2 and 3; the torn entry is not counted").isEqualTo(2);
            assertThat(pending.nextTimerOffset()).as("the torn entry of timer 4 is taken in again").isEqualTo(4);
            assertThat(drain(pending, T0 + 10_000)).extracting(DueTimer::timerOffset)
                    .containsExactlyInAnyOrder(2L, 3L);
        }
    }
}

package dev.bolide.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowedCounterTest {
    private final WindowedCounter counter = new WindowedCounter(0);

    private void sampleUntil(int seconds) {
        for (int second = 1; second <= seconds; second++) {
            counter.sample(second * 1000L);
        }
    }

    @Test
    void additionsBeforeTheFirstSampleCount() {
        counter.add(5);
        counter.sample(1000);

        assertThat(counter.lastMinute().sum()).isEqualTo(5);
        assertThat(counter.lastDay().sum()).isEqualTo(5);
    }

    @Test
    void theMinuteForgetsWhatTheHourAndDayKeep() {
        counter.add(5);
        sampleUntil(70);
        counter.add(2);
        counter.add(4);
        counter.sample(71_000);

        assertThat(counter.lastMinute()).isEqualTo(new WindowedCounter.Snapshot(6, 0.1, 3));
        assertThat(counter.lastHour().sum()).isEqualTo(11);
        assertThat(counter.lastDay().sum()).isEqualTo(11);
    }

    @Test
    void theHourForgetsWhatTheDayKeeps() {
        counter.add(5);
        sampleUntil(2 * 3600);
        counter.add(1);
        counter.sample(2 * 3600 * 1000L + 1000);

        assertThat(counter.lastHour().sum()).isEqualTo(1);
        assertThat(counter.lastDay().sum()).isEqualTo(6);
        assertThat(counter.lastDay().avgpt()).isEqualTo(3);
    }
}

package dev.bolide.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateCounterTest {
    @Test
    void theRateIsTheGrowthOverTheSampledSeconds() {
        RateCounter counter = new RateCounter();
        counter.sample();
        for (int second = 0; second < 10; second++) {
            counter.add(50);
            counter.sample();
        }

        assertThat(counter.perSecond(10)).isEqualTo(50.0);
        assertThat(counter.total()).isEqualTo(500);
    }

    @Test
    void aWindowLongerThanTheHistoryUsesWhatThereIs() {
        RateCounter counter = new RateCounter();
        counter.sample();
        counter.add(30);
        counter.sample();

        assertThat(counter.perSecond(600)).isEqualTo(30.0);
    }

    @Test
    void onlyTheLastTenMinutesCount() {
        RateCounter counter = new RateCounter();
        counter.add(1_000_000);
        for (int second = 0; second < 700; second++) {
            counter.sample();
        }
        counter.add(600);
        counter.sample();

        assertThat(counter.perSecond(600)).isEqualTo(1.0);
    }

    @Test
    void beforeTwoSamplesThereIsNoRate() {
        RateCounter counter = new RateCounter();
        counter.add(5);
        counter.sample();

        assertThat(counter.perSecond(10)).isZero();
    }
}

package dev.bolide.broker.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which delivery time a sent message's timer properties ask for, as RocketMQ 5 reads them. */
class TimerPropertiesTest {
    private static final long NOW = 1_800_000_000_000L;

    private static OptionalLong asked(Map<String, String> properties) {
        return TimerProperties.requestedDeliveryTime(new HashMap<>(properties), NOW);
    }

    @Test
    void eachPropertyAsksForItsTimeAndTheRelativeOnesComeFirst() {
        assertThat(asked(Map.of("TIMER_DELIVER_MS", Long.toString(NOW + 5_000)))).hasValue(NOW + 5_000);
        assertThat(asked(Map.of("TIMER_DELAY_SEC", "3"))).hasValue(NOW + 3_000);
        assertThat(asked(Map.of("TIMER_DELAY_MS", "1500"))).hasValue(NOW + 1_500);
        assertThat(asked(Map.of("TIMER_DELAY_SEC", "3", "TIMER_DELIVER_MS", Long.toString(NOW + 5_000))))
                .hasValue(NOW + 3_000);
    }

    @Test
    void aTimeAlreadyPastOrNoTimerPropertyStoresTheMessageAsItIs() {
        assertThat(asked(Map.of("TIMER_DELIVER_MS", Long.toString(NOW)))).isEmpty();
        assertThat(asked(Map.of("TIMER_DELAY_SEC", "-5"))).isEmpty();
        assertThat(asked(Map.of("TIMER_DELAY_SEC", Long.toString(Long.MIN_VALUE)))).isEmpty();
        assertThat(asked(Map.of("a", "1"))).isEmpty();
    }

    @Test
    void aDelayLevelWinsAndTheTimerPropertiesAreDropped() {
        Map<String, String> properties = new HashMap<>(Map.of("DELAY", "2", "TIMER_DELAY_SEC", "30"));

        assertThat(TimerProperties.requestedDeliveryTime(properties, NOW)).isEmpty();
        assertThat(properties).containsOnlyKeys("DELAY");
    }

    @Test
    void aMessageOnceDeliveredByATimerIsNotDelayedAgain() {
        assertThat(asked(Map.of("TIMER_DELAY_SEC", "30", "TIMER_OUT_MS", Long.toString(NOW - 1)))).isEmpty();
    }

    @Test
    void aCommittedTransactionalMessageIsDelayedLikeAnyOther() {
        assertThat(asked(Map.of("TIMER_DELAY_SEC", "30", "TRAN_MSG", "true"))).hasValue(NOW + 30_000);
    }

    @Test
    void aPropertyThatIsNotAWholeNumberIsRefusedWithItsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> asked(Map.of("TIMER_DELAY_MS", "1.5s")))
                .withMessageContaining("TIMER_DELAY_MS");
    }
}

package dev.bolide.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DelayLevelsTest {
    @Test
    void theDefaultIsRocketMqsEighteenLevels() {
        DelayLevels levels = DelayLevels.DEFAULT;

        assertThat(levels.highest()).isEqualTo(18);
        assertThat(levels.delayMillis(1)).isEqualTo(1_000);
        assertThat(levels.delayMillis(2)).isEqualTo(5_000);
        assertThat(levels.delayMillis(5)).isEqualTo(60_000);
        assertThat(levels.delayMillis(18)).isEqualTo(7_200_000);
    }

    @Test
    void readsSecondsMinutesHoursAndDaysAndWritesThemBack() {
        DelayLevels levels = DelayLevels.parse(" 2s  90s 3m\t1h 2d ");

        assertThat(levels.delays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(90),
                Duration.ofMinutes(3), Duration.ofHours(1), Duration.ofDays(2));
        assertThat(levels).hasToString("2s 90s 3m 1h 2d");
        assertThat(DelayLevels.parse(levels.toString())).isEqualTo(levels);
    }

    @Test
    void aLevelAboveTheHighestIsTheHighest() {
        assertThat(DelayLevels.DEFAULT.clamp(19)).isEqualTo(18);
        assertThat(DelayLevels.DEFAULT.clamp(250)).isEqualTo(18);
        assertThat(DelayLevels.DEFAULT.clamp(7)).isEqualTo(7);
    }

    @Test
    void aMessageIsDueItsLevelsDelayAfterItWasStored() {
        assertThat(DelayLevels.parse("1s 5s").dueTime(2, 1_700_000_000_000L)).isEqualTo(1_700_000_005_000L);
    }

    @Test
    void refusesWhatIsNotADelayNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> DelayLevels.parse("1s 5")).withMessageContaining("'5'");
        assertThatIllegalArgumentException().isThrownBy(() -> DelayLevels.parse("1s 5w")).withMessageContaining("5w");
        assertThatIllegalArgumentException().isThrownBy(() -> DelayLevels.parse("xs")).withMessageContaining("xs");
        assertThatIllegalArgumentException().isThrownBy(() -> DelayLevels.parse("-1s"))
                .withMessageContaining("negative");
    }
}

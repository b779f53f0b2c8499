package dev.bolide.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DelayProgressTest {
    @Test
    void writesRocketMqsOffsetTableAndTheCommitLogOffsetItWasTakenAt() {
        DelayProgress progress = new DelayProgress(Map.of(1, 7L, 3, 0L), 4096);

        assertThat(progress.serialize()).isEqualTo("{\"offsetTable\":{\"1\":7,\"3\":0},\"commitLogOffset\":4096}");
        assertThat(DelayProgress.parse(progress.serialize())).isEqualTo(progress);
    }

    @Test
    void readsRocketMqsOwnFileAsTakenAtTheStartOfTheCommitLog() {
        DelayProgress progress = DelayProgress.parse("{\n\t\"offsetTable\":{1:1,3:0}\n}");

        assertThat(progress.nextOffset(1)).isEqualTo(1);
        assertThat(progress.nextOffset(3)).isZero();
        assertThat(progress.nextOffset(2)).isZero();
        assertThat(progress.commitLogOffset()).isZero();
    }

    @Test
    void refusesWhatIsNotADelayOffsetFile() {
        assertThatIllegalArgumentException().isThrownBy(() -> DelayProgress.parse("{\"offsetTable\":{\"x\":1}}"));
        assertThatIllegalArgumentException().isThrownBy(() -> DelayProgress.parse("[]"));
    }
}

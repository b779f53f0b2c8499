package dev.bolide.shop.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistorySequenceTest {
    @Test
    void theFirstChangeOfAnOrderIsAppended() {
        assertThat(HistorySequence.of(0, 1)).isEqualTo(HistorySequence.APPEND);
    }

    @Test
    void theChangeAfterTheLastIsAppended() {
        assertThat(HistorySequence.of(2, 3)).isEqualTo(HistorySequence.APPEND);
    }

    @Test
    void aChangeRecordedAlreadyIsSkipped() {
        assertThat(HistorySequence.of(3, 3)).isEqualTo(HistorySequence.SKIP);
        assertThat(HistorySequence.of(3, 1)).isEqualTo(HistorySequence.SKIP);
    }

    @Test
    void aChangeThatSkipsANumberIsOutOfOrder() {
        assertThat(HistorySequence.of(1, 3)).isEqualTo(HistorySequence.OUT_OF_ORDER);
    }
}

package dev.bolide.client.jms.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.client.rocketmq.MessageQueue;
import org.junit.jupiter.api.Test;

class QueueCursorTest {
    private final QueueCursor cursor = new QueueCursor(new MessageQueue("t", "broker-a", 0), 0);

    private void pullAndAcknowledge(long from, long to) {
        for (long offset = from; offset < to; offset++) {
            cursor.pulled(offset);
        }
        cursor.moveTo(to);
        for (long offset = from; offset < to; offset++) {
            cursor.acknowledged(offset);
        }
    }

    @Test
    void oneCommitIsInFlightAtATimeAndThePointThatMovedMeanwhileComesNext() {
        pullAndAcknowledge(0, 2);
        long first = cursor.commitPoint();
        pullAndAcknowledge(2, 5);

        assertThat(first).isEqualTo(2);
        assertThat(cursor.commitPoint()).as("not while the first is in flight, which a broker may apply last")
                .isEqualTo(-1);
        assertThat(cursor.commitAnswered(first, true)).as("another one is due").isTrue();
        assertThat(cursor.commitPoint()).isEqualTo(5);
        assertThat(cursor.commitAnswered(5, true)).isFalse();
        assertThat(cursor.commitPoint()).as("nothing moved").isEqualTo(-1);
    }

    @Test
    void aFailedCommitIsDueAgainInsteadOfCountingAsDone() {
        pullAndAcknowledge(0, 3);
        long point = cursor.commitPoint();

        assertThat(cursor.commitAnswered(point, false)).isTrue();
        assertThat(cursor.commitPoint()).isEqualTo(3);
    }

    @Test
    void anAbandonedCursorCommitsNothingMore() {
        pullAndAcknowledge(0, 3);
        long point = cursor.commitPoint();
        cursor.abandon();

        assertThat(cursor.commitAnswered(point, false)).isFalse();
        assertThat(cursor.commitPoint()).isEqualTo(-1);
    }

    @Test
    void whatWasAcknowledgedAboveTheCommitPointIsSettledAheadAndTheRestIsPending() {
        for (long offset = 0; offset < 4; offset++) {
            cursor.pulled(offset);
        }
        cursor.moveTo(4);
        cursor.acknowledged(2);

        SettledAhead ahead = cursor.settledAhead().orElseThrow();
        assertThat(ahead.contains(2)).isTrue();
        assertThat(ahead.contains(0)).isFalse();
        assertThat(ahead.contains(1)).isFalse();
        assertThat(ahead.contains(3)).isFalse();
        assertThat(ahead.contains(4)).as("never pulled").isFalse();
    }

    @Test
    void nothingIsSettledAheadWhenAcknowledgementsCameInOrder() {
        pullAndAcknowledge(0, 3);
        cursor.pulled(3);
        cursor.moveTo(4);

        assertThat(cursor.settledAhead()).isEmpty();
    }
}

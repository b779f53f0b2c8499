package dev.bolide.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.bolide.broker.send.Destination;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelayedSendsTest {
    private final DelayedSends delays = new DelayedSends(DelayLevels.parse("1s 2s 3s"));

    private static Map<String, String> properties(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void parksAMessageInItsLevelsQueueRememberingTheRealTopicAndQueue() {
        Map<String, String> properties = properties("DELAY", "2", "KEYS", "k1");

        Destination destination = delays.divert(new Destination("Orders", 3), properties, 0, -1);

        assertThat(destination).isEqualTo(new Destination("SCHEDULE_TOPIC_XXXX", 1));
        assertThat(properties).containsEntry("REAL_TOPIC", "Orders").containsEntry("REAL_QID", "3")
                .containsEntry("DELAY", "2").containsEntry("KEYS", "k1");
    }

    @Test
    void aLevelAboveTheHighestWaitsInTheHighestLevel() {
        Map<String, String> properties = properties("DELAY", "19");

        assertThat(delays.divert(new Destination("Orders", 0), properties, 0, -1))
                .isEqualTo(new Destination("SCHEDULE_TOPIC_XXXX", 2));
        assertThat(properties).containsEntry("DELAY", "3");
    }

    @Test
    void aCommittedTransactionalMessageIsDelayedLikeAnyOther() {
        assertThat(delays.divert(new Destination("Orders", 1), properties("DELAY", "2", "TRAN_MSG", "true"), 0, -1)
                .topic()).isEqualTo("SCHEDULE_TOPIC_XXXX");
    }

    @Test
    void levelZeroOrLessIsNotDelayed() {
        Destination orders = new Destination("Orders", 1);

        assertThat(delays.divert(orders, properties("DELAY", "0"), 0, -1)).isEqualTo(orders);
        assertThat(delays.divert(orders, properties("DELAY", "-2"), 0, -1)).isEqualTo(orders);
        assertThat(delays.divert(orders, properties(), 0, -1)).isEqualTo(orders);
    }

    @Test
    void aMarkCopiedFromADeliveredMessageIsDropped() {
        Map<String, String> properties = properties("DELAY", "1", "BOLIDE_SCHEDULE_OFFSET", "1234");

        delays.divert(new Destination("Orders", 0), properties, 0, -1);

        assertThat(properties).doesNotContainKey("BOLIDE_SCHEDULE_OFFSET");
    }

    @Test
    void aLevelThatIsNotANumberIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> delays.divert(new Destination("Orders", 0), properties("DELAY", "soon"), 0, -1))
                .withMessageContaining("soon");
    }
}

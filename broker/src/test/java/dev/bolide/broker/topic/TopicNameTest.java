package dev.bolide.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicNameTest {
    @Test
    void lettersDigitsAndPercentBarUnderscoreAndDashAreLegal() {
        for (String topic : List.of("TopicTest", "%RETRY%group_1", "a|b", "rmq-sys-0", "Z9")) {
            assertThat(TopicName.check(topic)).isEqualTo(topic);
        }
    }

    @Test
    void anyOtherCharacterIsRefusedAsRocketMqRefusesIt() {
        for (String topic : List.of("with space", "dot.ted", "é", "tab\t", "slash/", "\u0100")) {
            assertThatThrownBy(() -> TopicName.check(topic)).as(topic).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The specified topic[" + topic
                            + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
    }

    @Test
    void aBlankOrOverlongTopicIsRefused() {
        assertThatThrownBy(() -> TopicName.check("  ")).hasMessage("The specified topic is blank.");
        assertThatThrownBy(() -> TopicName.check("t".repeat(128)))
                .hasMessage("The specified topic is longer than topic max length 127.");
    }
}

package dev.bolide.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RemotingCommandFieldsTest {
    private final RemotingCommand request = RemotingCommand.request(RequestCode.PULL_MESSAGE, 1,
            Map.of("queueId", "3", "queueOffset", "12345678901", "topic", "T", "bad", "x1"), null);

    @Test
    void readsTypedFields() {
        assertThat(request.requiredField("topic")).isEqualTo("T");
        assertThat(request.intField("queueId")).isEqualTo(3);
        assertThat(request.longField("queueOffset")).isEqualTo(12345678901L);
    }

    @Test
    void aMissingOrMalformedFieldIsNamedInTheError() {
        assertThatIllegalArgumentException().isThrownBy(() -> request.requiredField("consumerGroup"))
                .withMessage("request 11 without consumerGroup");
        assertThatIllegalArgumentException().isThrownBy(() -> request.longField("bad"))
                .withMessageContaining("bad is not a number: x1");
        assertThatIllegalArgumentException().isThrownBy(() -> request.intField("queueOffset"))
                .withMessageContaining("out of range");
    }
}

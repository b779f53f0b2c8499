package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker commands against Bolide's broker jar; what Bolide's store cannot do, it refuses in words. */
class BrokerCommandsOnBolideTest extends BrokerCommandsContract {
    @RegisterExtension
    static final BolideBrokerExtension BROKER = new BolideBrokerExtension();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }

    @Test
    void cleanUnusedTopicIsRefusedInWords() {
        String output = mqadmin("cleanUnusedTopic", "-b", target().brokerAddress());

        assertThat(output).contains("cleanUnusedTopic is not supported by Bolide").doesNotStartWith("success");
    }
}

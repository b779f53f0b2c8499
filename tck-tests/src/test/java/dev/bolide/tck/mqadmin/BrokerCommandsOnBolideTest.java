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

    /** Bolide has no access control yet: the ACL commands are refused by the request's name. */
    @Test
    void anAclCommandIsRefusedByItsRequestsName() {
        String output = mqadmin("updateAclConfig", "-b", target().brokerAddress(), "-a", "RocketMQ", "-s", "12345678");

        assertThat(output).contains("request code 50 (UPDATE_AND_CREATE_ACL_CONFIG) is not supported by Bolide");
    }
}

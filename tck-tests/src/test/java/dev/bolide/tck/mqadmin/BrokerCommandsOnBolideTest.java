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

    /** Bolide has no access control yet: the ACL commands are refused by the request's name. */
    @Test
    void anAclCommandIsRefusedByItsRequestsName() {
        String output = mqadmin("updateAclConfig", "-b", target().brokerAddress(), "-a", "RocketMQ", "-s", "12345678");

        assertThat(output).contains("request code 50 (UPDATE_AND_CREATE_ACL_CONFIG) is not supported by Bolide");
    }

    @Test
    void aQueryCqWithANegativeIndexGetsAClearErrorAndTheBrokerServesTheNext() {
        String refused = mqadmin("queryCq", "-t", TOPIC, "-q", "0", "-i", "-1", "-c", "2");
        String served = mqadmin("queryCq", "-t", TOPIC, "-q", "0", "-i", "0", "-c", "2");

        assertThat(refused).contains("queryCq needs an index of 0 or more and a count from 1 to 300000, not index -1");
        assertThat(served).contains("idx: 1");
    }
}

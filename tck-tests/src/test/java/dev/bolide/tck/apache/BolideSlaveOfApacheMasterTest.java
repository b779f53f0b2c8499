package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mixed pair: an Apache RocketMQ 4.9.7 master and a Bolide slave of its broker name, registered
 * with the Apache name server. Both are listed under the broker name, and the Bolide slave learns
 * its master from the Apache name server's registration answer and copies the master's topics,
 * subscription groups and consumer offsets, as a RocketMQ slave does (the CommitLog stream is not
 * part of this test).
 */
class BolideSlaveOfApacheMasterTest {
    @RegisterExtension
    @Order(1)
    static final ApacheRocketMqBroker APACHE_MASTER = new ApacheRocketMqBroker();
    @RegisterExtension
    @Order(2)
    static final BolideBrokerFixture BOLIDE_SLAVE = new BolideBrokerFixture(() -> new String[] {
        "brokerName = " + APACHE_MASTER.brokerName(), "brokerId = 1", "brokerRole = SLAVE", "namesrvListenPort = -1",
        "namesrvAddr = " + APACHE_MASTER.nameServerAddress(), "registerNameServerPeriod = 10000"});

    @Test
    void theApacheMastersTopicsGroupsAndOffsetsAppearOnTheBolideSlave() throws Exception {
        CopiedMetadata.makeOnTheMaster(APACHE_MASTER.admin(), APACHE_MASTER.brokerAddress(),
                APACHE_MASTER.brokerName());

        CopiedMetadata.awaitOnTheSlave(BOLIDE_SLAVE, BOLIDE_SLAVE.address());
        assertThat(APACHE_MASTER.admin().examineTopicRouteInfo("Orders").getBrokerDatas().get(0).getBrokerAddrs())
                .containsExactlyInAnyOrderEntriesOf(Map.of(0L, APACHE_MASTER.brokerAddress(), 1L,
                        BOLIDE_SLAVE.address()));
    }
}

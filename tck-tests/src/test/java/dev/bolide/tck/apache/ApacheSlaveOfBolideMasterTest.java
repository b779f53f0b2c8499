package dev.bolide.tck.apache;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mixed pair the other way round: a Bolide master registered with the name server of an Apache
 * RocketMQ 4.9.7 slave of the same broker name. The Apache slave's own SlaveSynchronize reads the
 * Bolide master's GET_ALL_TOPIC_CONFIG, GET_ALL_CONSUMER_OFFSET, GET_ALL_DELAY_OFFSET and
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG answers with fastjson and takes them over.
 */
class ApacheSlaveOfBolideMasterTest {
    @RegisterExtension
    @Order(1)
    static final ApacheRocketMqBroker APACHE_SLAVE = new ApacheRocketMqBroker("brokerId = 1", "brokerRole = SLAVE",
            "registerNameServerPeriod = 10000");
    @RegisterExtension
    @Order(2)
    static final BolideBrokerFixture BOLIDE_MASTER = new BolideBrokerFixture(() -> new String[] {
        "brokerName = " + APACHE_SLAVE.brokerName(), "namesrvListenPort = -1",
        "namesrvAddr = " + APACHE_SLAVE.nameServerAddress()});

    @Test
    void theBolideMastersTopicsGroupsAndOffsetsAppearOnTheApacheSlave() throws Exception {
        CopiedMetadata.makeOnTheMaster(APACHE_SLAVE.admin(), BOLIDE_MASTER.address(), APACHE_SLAVE.brokerName());

        CopiedMetadata.awaitOnTheSlave(BOLIDE_MASTER, APACHE_SLAVE.brokerAddress());
    }
}

package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RocketMQ stopped with SIGTERM, as {@code mqshutdown broker} does: its store is closed cleanly. */
class StoppedApacheRocketMqStoreOnBolideTest extends ApacheRocketMqStoreContract {
    @RegisterExtension
    static final ApacheRocketMqBroker ROCKETMQ = rocketMqBroker();

    @Override
    protected ApacheRocketMqBroker rocketMq() {
        return ROCKETMQ;
    }

    @Override
    protected long stop(ApacheRocketMqBroker rocketMq, BrokerMetadata before) throws Exception {
        rocketMq.stop();
        assertThat(rocketMq.storeDirectory().resolve("abort")).as("RocketMQ's crash marker").doesNotExist();
        return 0;
    }
}

package dev.bolide.tck.apache;

import dev.bolide.tck.mqadmin.AdminTarget;
import dev.bolide.tck.mqadmin.BrokerCommandsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same broker commands against Apache RocketMQ 4.9.7: the reference for their output. */
class BrokerCommandsOnApacheRocketMqTest extends BrokerCommandsContract {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

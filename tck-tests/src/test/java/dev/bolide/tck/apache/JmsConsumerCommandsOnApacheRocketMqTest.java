package dev.bolide.tck.apache;

import dev.bolide.tck.mqadmin.AdminTarget;
import dev.bolide.tck.mqadmin.JmsConsumerCommandsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mqadmin on JMS consumer groups against Apache RocketMQ 4.9.7, whose requests to clients fastjson writes. */
class JmsConsumerCommandsOnApacheRocketMqTest extends JmsConsumerCommandsContract {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

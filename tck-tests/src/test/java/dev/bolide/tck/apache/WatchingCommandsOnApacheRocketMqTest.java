package dev.bolide.tck.apache;

import dev.bolide.tck.mqadmin.AdminTarget;
import dev.bolide.tck.mqadmin.WatchingCommandsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same watching commands against Apache RocketMQ 4.9.7: the reference for their output. */
class WatchingCommandsOnApacheRocketMqTest extends WatchingCommandsContract {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

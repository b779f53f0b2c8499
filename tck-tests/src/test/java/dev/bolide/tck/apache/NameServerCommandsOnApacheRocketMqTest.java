package dev.bolide.tck.apache;

import dev.bolide.tck.mqadmin.AdminTarget;
import dev.bolide.tck.mqadmin.NameServerCommandsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same name server commands against Apache RocketMQ 4.9.7: the reference for their output. */
class NameServerCommandsOnApacheRocketMqTest extends NameServerCommandsContract {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

package dev.bolide.tck.mqadmin;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker commands against Bolide's broker jar. */
class BrokerCommandsOnBolideTest extends BrokerCommandsContract {
    @RegisterExtension
    static final BolideBrokerExtension BROKER = new BolideBrokerExtension();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

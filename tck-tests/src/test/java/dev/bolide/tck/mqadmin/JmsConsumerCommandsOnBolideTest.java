package dev.bolide.tck.mqadmin;

import org.junit.jupiter.api.extension.RegisterExtension;

/** mqadmin on JMS consumer groups against Bolide's broker jar. */
class JmsConsumerCommandsOnBolideTest extends JmsConsumerCommandsContract {
    @RegisterExtension
    static final BolideBrokerExtension BROKER = new BolideBrokerExtension();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

package dev.bolide.tck.mqadmin;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The commands that watch the cluster against Bolide's broker jar. */
class WatchingCommandsOnBolideTest extends WatchingCommandsContract {
    @RegisterExtension
    static final BolideBrokerExtension BROKER = new BolideBrokerExtension();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }
}

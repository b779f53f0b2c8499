package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The name server commands against Bolide's broker jar; what Bolide refuses, it refuses in words. */
class NameServerCommandsOnBolideTest extends NameServerCommandsContract {
    @RegisterExtension
    static final BolideBrokerExtension BROKER = new BolideBrokerExtension();

    @Override
    protected AdminTarget target() {
        return BROKER.target();
    }

    @Test
    void aNameServerSettingBolideCannotChangeIsRefusedByName() {
        String output = mqadmin("updateNamesrvConfig", "-k", "serverWorkerThreads", "-v", "16");

        assertThat(output).contains("serverWorkerThreads cannot be changed on Bolide's name server")
                .doesNotContain("update name server config success!");
    }
}

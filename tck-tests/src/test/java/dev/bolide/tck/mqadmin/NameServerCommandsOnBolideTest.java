package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.tck.rocketmq.BrokerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The name server commands against Bolide's broker jar; what Bolide refuses, it refuses in words. */
class NameServerCommandsOnBolideTest extends NameServerCommandsContract {
    private BrokerProcess broker;

    @BeforeAll
    void startBroker() throws Exception {
        broker = BrokerProcess.start(Files.createTempDirectory("bolide-namesrv-commands"));
    }

    @AfterAll
    void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected AdminTarget target() {
        return new AdminTarget(broker.nameServerAddress(), "127.0.0.1:" + broker.brokerPort(), "broker-a",
                "DefaultCluster");
    }

    @Test
    void aNameServerSettingBolideCannotChangeIsRefusedByName() {
        String output = MqAdmin.run("updateNamesrvConfig", "-n", broker.nameServerAddress(), "-k",
                "serverWorkerThreads", "-v", "16");

        assertThat(output).contains("serverWorkerThreads cannot be changed on Bolide's name server")
                .doesNotContain("update name server config success!");
    }
}

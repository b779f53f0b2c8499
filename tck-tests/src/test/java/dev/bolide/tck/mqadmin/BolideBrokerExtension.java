package dev.bolide.tck.mqadmin;

import dev.bolide.tck.rocketmq.BrokerProcess;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Bolide broker jar (with its embedded name server) started once per test class, the
 * counterpart of the Apache RocketMQ fixture: {@code @RegisterExtension static final
 * BolideBrokerExtension BROKER = new BolideBrokerExtension();}.
 */
final class BolideBrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private BrokerProcess broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = BrokerProcess.start(Files.createTempDirectory("bolide-mqadmin"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        broker.close();
    }

    AdminTarget target() {
        return new AdminTarget(broker.nameServerAddress(), "127.0.0.1:" + broker.brokerPort(), "broker-a",
                "DefaultCluster");
    }
}

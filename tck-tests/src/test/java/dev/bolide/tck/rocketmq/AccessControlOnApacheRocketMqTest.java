package dev.bolide.tck.rocketmq;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The judges of {@link AclScenarios} on Apache RocketMQ 4.9.7 with {@code aclEnable = true}: the reference. */
class AccessControlOnApacheRocketMqTest extends AclScenarios {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = ApacheRocketMqBroker.withAcl(PLAIN_ACL_YML, hook(ADMIN));

    @Override
    String nameServerAddress() {
        return BROKER.nameServerAddress();
    }

    @Override
    String brokerAddress() {
        return BROKER.brokerAddress();
    }

    @Override
    Path aclFile() {
        return BROKER.aclFile();
    }

    @Override
    void startBroker() {
        // the extension started it, before this class's @BeforeAll
    }

    @Override
    void stopBroker() {
        // the extension stops it, after this class's @AfterAll
    }
}

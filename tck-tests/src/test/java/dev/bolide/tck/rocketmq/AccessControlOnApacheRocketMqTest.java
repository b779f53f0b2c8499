package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import java.nio.file.Path;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
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

    /**
     * RocketMQ's client signs the {@code _UNIQUE_KEY_QUERY} field it adds to every QUERY_MESSAGE, its
     * broker leaves that field out of what it checks: every query by key is refused under ACL.
     */
    @Test
    void apacheRefusesEverySignedQueryByKey() throws Exception {
        RemotingCommand answer = queryByKeyAsReader("order-7");

        assertThat(answer.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(answer.getRemark()).contains("Check signature failed for accessKey=consumer1");
    }

    /**
     * What Bolide does on purpose RocketMQ 4.9.7 does by accident: the validator's constructor throws,
     * the service loader logs that and hands back the class instead of an instance, and the broker's
     * ACL set-up dies on the cast, with a stack trace that never names the file.
     */
    @Test
    void aMalformedFileAtStartStopsApacheRocketMqToo() throws Exception {
        ApacheRocketMqBroker broken = ApacheRocketMqBroker.withAcl("accounts:\n  - accessKey: [RocketMQ\n", hook(ADMIN));
        try {
            assertThatIllegalStateException().isThrownBy(() -> broken.beforeAll(null))
                    .withMessageContaining("broker exited").withMessageContaining("ClassCastException");
        } finally {
            broken.afterAll(null);
        }
    }
}

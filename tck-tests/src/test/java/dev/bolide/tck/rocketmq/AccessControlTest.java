package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bolide with {@code aclEnable = true}: the judges of {@link AclScenarios}, and a broker that refuses
 * to start on a malformed file.
 */
class AccessControlTest extends AclScenarios {
    @TempDir
    static Path dir;
    private static BrokerProcess broker;

    @Override
    void startBroker() throws Exception {
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), PLAIN_ACL_YML);
        broker = BrokerProcess.start(dir, "aclEnable = true", "aclConfigFile = " + acl);
    }

    @Override
    void stopBroker() throws InterruptedException {
        broker.close();
    }

    @Override
    String nameServerAddress() {
        return broker.nameServerAddress();
    }

    @Override
    String brokerAddress() {
        return "127.0.0.1:" + broker.brokerPort();
    }

    @Override
    Path aclFile() {
        return dir.resolve("plain_acl.yml");
    }

    @Test
    void aMalformedFileAtStartStopsTheBrokerNamingTheLine(@TempDir Path other) throws Exception {
        Path acl = Files.writeString(other.resolve("plain_acl.yml"), PLAIN_ACL_YML.replace("Orders=PUB", "Orders=PUBLISH"));

        assertThatIllegalStateException()
                .isThrownBy(() -> BrokerProcess.start(other, "aclEnable = true", "aclConfigFile = " + acl))
                .withMessageContaining("aclEnable = true, but " + acl + ", line 5: 'PUBLISH' is not one of");
        assertThat(other.resolve("store")).doesNotExist();
    }
}

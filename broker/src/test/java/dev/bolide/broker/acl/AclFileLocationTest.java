package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** aclConfigFile wins; otherwise RocketMQ's home and file properties decide. */
class AclFileLocationTest {
    private static Path locate(Path configured, Map<String, String> properties, Map<String, String> environment)
            throws AclFileException {
        return AclFileLocation.of(configured, properties::get, environment::get);
    }

    @Test
    void anExplicitFileWins() throws AclFileException {
        assertThat(locate(Path.of("/etc/bolide/acl.yml"), Map.of("rocketmq.home.dir", "/opt/rmq"), Map.of()))
                .isEqualTo(Path.of("/etc/bolide/acl.yml"));
    }

    @Test
    void otherwiseTheRocketMqHomeHoldsIt() throws AclFileException {
        assertThat(locate(null, Map.of(), Map.of("ROCKETMQ_HOME", "/opt/rmq")))
                .isEqualTo(Path.of("/opt/rmq/conf/plain_acl.yml"));
        assertThat(locate(null, Map.of("rocketmq.home.dir", "/srv/rmq"), Map.of("ROCKETMQ_HOME", "/opt/rmq")))
                .isEqualTo(Path.of("/srv/rmq/conf/plain_acl.yml"));
        assertThat(locate(null, Map.of("rocketmq.acl.plain.file", "conf/acl/mine.yml"), Map.of("ROCKETMQ_HOME", "/opt")))
                .isEqualTo(Path.of("/opt/conf/acl/mine.yml"));
    }

    @Test
    void withoutAHomeTheLocationIsRefused() {
        assertThatThrownBy(() -> locate(null, Map.of(), Map.of())).isInstanceOf(AclFileException.class)
                .hasMessageContaining("aclConfigFile");
    }
}

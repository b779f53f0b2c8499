package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** plain_acl.yml as RocketMQ 4.9 ships it reads; a malformed one is refused naming file and line. */
class PlainAclFileTest {
    private static final Path FILE = Path.of("conf/plain_acl.yml");
    /** The file of RocketMQ 4.9.7's distribution, comments left out. */
    static final String ROCKETMQ_SAMPLE = """
            globalWhiteRemoteAddresses:
              - 10.10.103.*
              - 192.168.0.*

            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                whiteRemoteAddress:
                admin: false
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms:
                  - topicA=DENY
                  - topicB=PUB|SUB
                  - topicC=SUB
                groupPerms:
                  # the group should convert to retry topic
                  - groupA=DENY
                  - groupB=PUB|SUB
                  - groupC=SUB

              - accessKey: rocketmq2
                secretKey: 12345678
                whiteRemoteAddress: 192.168.1.*
                # if it is admin, it could access all resources
                admin: true
            """;

    @Test
    void rocketMqsSampleReadsAsRocketMqReadsIt() throws AclFileException {
        AclRules rules = PlainAclFile.parse(FILE, ROCKETMQ_SAMPLE);

        assertThat(rules.isGloballyWhite("10.10.103.7")).isTrue();
        assertThat(rules.isGloballyWhite("10.10.104.7")).isFalse();
        Account user = rules.account("RocketMQ").orElseThrow();
        assertThat(user.secretKey()).isEqualTo("12345678");
        assertThat(user.admin()).isFalse();
        assertThat(user.whiteRemoteAddress().matches("127.0.0.1")).isFalse();
        assertThat(user.permissionOn("topicB")).isEqualTo((byte) (Permission.PUB | Permission.SUB));
        assertThat(user.permissionOn("topicZ")).isEqualTo(Permission.DENY);
        assertThat(user.permissionOn("%RETRY%groupA")).isEqualTo(Permission.DENY);
        assertThat(user.permissionOn("%RETRY%groupZ")).isEqualTo(Permission.SUB);
        Account admin = rules.account("rocketmq2").orElseThrow();
        assertThat(admin.admin()).isTrue();
        assertThat(admin.whiteRemoteAddress().matches("192.168.1.20")).isTrue();
        assertThat(admin.defaultTopicPerm()).as("absent: DENY").isEqualTo(Permission.DENY);
    }

    @Test
    void anEmptyFileHasNoAccountsSoEveryRequestIsRefused() throws AclFileException {
        assertThat(PlainAclFile.parse(FILE, "").accounts()).isEmpty();
        assertThat(PlainAclFile.parse(FILE, "# nothing yet\n").accounts()).isEmpty();
    }

    @Test
    void aYamlErrorNamesFileAndLine() {
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, "accounts:\n  - accessKey: RocketMQ\n    secretKey: [oops\n"))
                .isInstanceOf(AclFileException.class).hasMessageStartingWith(FILE + ", line 4: ");
    }

    @Test
    void aShortKeyNamesItsLine() {
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, "accounts:\n  - accessKey: RocketMQ\n    secretKey: 123\n"))
                .hasMessage(FILE + ", line 3: secretKey must be longer than 6 characters, as RocketMQ requires");
    }

    @Test
    void anUnknownPermissionIsRefusedWhereRocketMqWouldReadDeny() {
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, ROCKETMQ_SAMPLE.replace("topicC=SUB", "topicC=SUBB")))
                .hasMessageContaining("line 15: 'SUBB' is not one of");
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, ROCKETMQ_SAMPLE.replace("topicC=SUB", "topicC")))
                .hasMessageContaining("line 15: 'topicC' is not name=PERM");
    }

    @Test
    void aRepeatedAccessKeyOrABadAddressIsRefused() {
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, ROCKETMQ_SAMPLE.replace("rocketmq2", "RocketMQ")))
                .hasMessageContaining("line 22: accessKey RocketMQ is listed twice");
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, ROCKETMQ_SAMPLE.replace("192.168.1.*", "my-laptop")))
                .hasMessageContaining("line 24: 'my-laptop'");
    }

    @Test
    void accountsMustBeAList() {
        assertThatThrownBy(() -> PlainAclFile.parse(FILE, "accounts: RocketMQ\n"))
                .hasMessage(FILE + ", line 1: expected a list");
    }
}

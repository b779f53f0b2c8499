package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACL changes written into the file, counted in its dataVersion, in force at once; bad ones refused. */
class AclFileEditorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path file;
    private WatchedAclFile acl;
    private AclFileEditor editor;

    @BeforeEach
    void load() throws Exception {
        file = Files.writeString(dir.resolve("plain_acl.yml"), PlainAclFileTest.ROCKETMQ_SAMPLE);
        acl = WatchedAclFile.load(file);
        editor = new AclFileEditor(acl, CLOCK);
    }

    private static Map<String, Object> account(String accessKey, String secretKey) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accessKey", accessKey);
        fields.put("secretKey", secretKey);
        fields.put("topicPerms", List.of("Orders=PUB"));
        return fields;
    }

    @Test
    void aNewAccountIsInForceAtOnceAndCounted() throws Exception {
        editor.putAccount(account("producer2", "producer2-secret"));

        Account added = acl.rules().account("producer2").orElseThrow();
        assertThat(added.permissionOn("Orders")).isEqualTo(Permission.PUB);
        assertThat(acl.rules().account("RocketMQ")).as("others kept").isPresent();
        assertThat(editor.version().counter()).isEqualTo(1);
        assertThat(editor.version().timestamp()).isEqualTo(CLOCK.millis());
        assertThat(WatchedAclFile.load(file).rules().accounts()).containsKey("producer2");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItHas() throws Exception {
        editor.putAccount(Map.of("accessKey", "RocketMQ", "defaultTopicPerm", "PUB"));

        Account updated = acl.rules().account("RocketMQ").orElseThrow();
        assertThat(updated.defaultTopicPerm()).isEqualTo(Permission.PUB);
        assertThat(updated.secretKey()).isEqualTo("12345678");
        assertThat(updated.permissionOn("topicB")).isEqualTo((byte) (Permission.PUB | Permission.SUB));
    }

    @Test
    void aChangeThatWouldBreakTheFileIsRefusedAndNothingWritten() throws Exception {
        String before = Files.readString(file);

        assertThatThrownBy(() -> editor.putAccount(account("short", "producer2-secret")))
                .isInstanceOf(AclFileException.class).hasMessageContaining("accessKey must be longer than 6");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void deletingAndWhiteAddressesAreWrittenToo() throws Exception {
        assertThat(editor.deleteAccount("rocketmq2")).isTrue();
        assertThat(editor.deleteAccount("rocketmq2")).isFalse();
        editor.setGlobalWhiteRemoteAddresses(List.of("10.1.1.*"));

        assertThat(acl.rules().account("rocketmq2")).isEmpty();
        assertThat(acl.rules().isGloballyWhite("10.1.1.9")).isTrue();
        assertThat(acl.rules().isGloballyWhite("10.10.103.9")).isFalse();
        assertThat(editor.version().counter()).isEqualTo(2);
    }
}

package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file read at start (or the start refused), edits put in force, broken edits ignored. */
class WatchedAclFileTest {
    /** producer1 (secret producer-secret), PUB on every topic. */
    static final String ONE_ACCOUNT = """
            accounts:
              - accessKey: producer1
                secretKey: producer-secret
                defaultTopicPerm: PUB
            """;

    @TempDir
    Path dir;

    private static boolean knows(WatchedAclFile acl, String accessKey) {
        RemotingCommand request = RemotingCommand.request(RequestCode.HEART_BEAT, 1, Map.of("AccessKey", accessKey), null);
        return !AccessValidator.refusal(acl.rules(), "127.0.0.1", request, Map.of())
                .orElse("").startsWith("No acl config");
    }

    @Test
    void aMissingOrMalformedFileStopsTheLoad() throws IOException {
        Path file = dir.resolve("plain_acl.yml");
        assertThatThrownBy(() -> WatchedAclFile.load(file)).isInstanceOf(AclFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("cannot read");

        Files.writeString(file, "accounts: [\n");
        assertThatThrownBy(() -> WatchedAclFile.load(file)).hasMessageStartingWith(file + ", line 2");
    }

    @Test
    void anEditIsPutInForceAndABrokenOneKeepsTheLastGoodRules() throws Exception {
        Path file = Files.writeString(dir.resolve("plain_acl.yml"), ONE_ACCOUNT);
        WatchedAclFile acl = WatchedAclFile.load(file);
        assertThat(knows(acl, "producer1")).isTrue();

        Files.writeString(file, ONE_ACCOUNT.replace("producer1", "producer2"));
        acl.reloadIfChanged();
        assertThat(knows(acl, "producer1")).isFalse();
        assertThat(knows(acl, "producer2")).isTrue();

        Files.writeString(file, ONE_ACCOUNT.replace("producer1", "producer3") + "  - [\n");
        acl.reloadIfChanged();
        assertThat(knows(acl, "producer2")).isTrue();
        assertThat(knows(acl, "producer3")).isFalse();

        Files.delete(file);
        acl.reloadIfChanged();
        assertThat(knows(acl, "producer2")).isTrue();
    }
}

package dev.bolide.broker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileUpdateTest {
    private static final String ORIGINAL = """
            # the team's broker
            brokerName = broker-a
            fileReservedTime = 72
            """;

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("broker.conf");
        Files.writeString(file, ORIGINAL);
    }

    @Test
    void aChangedKeyIsRewrittenInPlaceKeepingComments() throws IOException {
        new ConfigFileUpdate(file).save(Map.of("fileReservedTime", "48"));

        assertThat(Files.readString(file)).isEqualTo("""
                # the team's broker
                brokerName = broker-a
                fileReservedTime = 48
                """);
    }

    @Test
    void aNewKeyIsAppended() throws IOException {
        new ConfigFileUpdate(file).save(Map.of("autoCreateTopicEnable", "false"));

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL + "autoCreateTopicEnable = false\n");
    }

    @Test
    void anUnknownKeyIsRefusedAndNothingIsWritten() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfigFileUpdate(file).save(Map.of("fileReservedTime", "1", "filterDataCleanTimeSpan", "1")))
                .withMessageContaining("filterDataCleanTimeSpan");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    }

    @Test
    void aValueThatDoesNotParseIsRefusedWithItsKeyNamed() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfigFileUpdate(file).save(Map.of("fileReservedTime", "three days")))
                .withMessageContaining("fileReservedTime");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    }

    @Test
    void aKeyThatDecidesWhereTheDataLivesIsRefusedAndNothingIsWritten() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfigFileUpdate(file).save(Map.of("storePathRootDir", "/tmp/elsewhere")))
                .withMessageContaining("storePathRootDir").withMessageContaining("only by editing");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    }
}

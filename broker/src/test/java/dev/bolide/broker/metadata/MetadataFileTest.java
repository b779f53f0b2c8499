package dev.bolide.broker.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataFileTest {
    private static final Function<String, String> STRICT = content -> {
        if (!content.startsWith("{")) {
            throw new IllegalArgumentException("not JSON");
        }
        return content;
    };

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasStoredAndKeepsThePreviousVersionAsBackup() throws IOException {
        MetadataFile file = new MetadataFile(dir.resolve("config/x.json"));
        file.store("{1}");
        file.store("{2}");

        assertThat(file.load(STRICT)).contains("{2}");
        assertThat(dir.resolve("config/x.json.bak")).hasContent("{1}");
        assertThat(dir.resolve("config/x.json.tmp")).doesNotExist();
    }

    @Test
    void fallsBackToTheBackupWhenTheFileIsDamaged() throws IOException {
        MetadataFile file = new MetadataFile(dir.resolve("x.json"));
        file.store("{1}");
        file.store("{2}");
        Files.writeString(dir.resolve("x.json"), "garbage");

        assertThat(file.load(STRICT)).contains("{1}");
    }

    @Test
    void fallsBackToTheBackupWhenTheFileIsEmptyOrMissing() throws IOException {
        MetadataFile file = new MetadataFile(dir.resolve("x.json"));
        file.store("{1}");
        file.store("{2}");
        Files.writeString(dir.resolve("x.json"), "");
        assertThat(file.load(STRICT)).contains("{1}");

        Files.delete(dir.resolve("x.json"));
        assertThat(file.load(STRICT)).contains("{1}");
    }

    @Test
    void nothingStoredMeansNothingLoaded() throws IOException {
        assertThat(new MetadataFile(dir.resolve("x.json")).load(STRICT)).isEmpty();
    }
}

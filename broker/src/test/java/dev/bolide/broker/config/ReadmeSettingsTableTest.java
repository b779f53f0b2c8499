package dev.bolide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of settings is the one the registry writes. After a change to the registry,
 * {@code mvn -pl broker test -Dtest=ReadmeSettingsTableTest -Dbolide.readme.write=true} rewrites it.
 */
class ReadmeSettingsTableTest {
    private static final String START = "<!-- settings-table: written by ReadmeSettingsTableTest from Settings -->\n";
    private static final String END = "<!-- settings-table end -->\n";
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeTableIsTheRegistrys() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the table's start marker").isNotNegative();
        assertThat(end).as("README.md has the table's end marker").isGreaterThan(start);

        String written = "\n" + SettingsTable.markdown() + "\n";
        if (Boolean.getBoolean("bolide.readme.write")) {
            Files.writeString(README, readme.substring(0, start + START.length()) + written + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(readme.substring(start + START.length(), end))
                .as("README.md's table of settings; rewrite it with -Dbolide.readme.write=true").isEqualTo(written);
    }
}

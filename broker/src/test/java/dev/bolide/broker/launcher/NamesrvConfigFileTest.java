package dev.bolide.broker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NamesrvConfigFileTest {
    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void rocketMqsPortIsTheDefault() {
        assertThat(NamesrvConfigFile.from(properties()).listenPort()).isEqualTo(9876);
    }

    @Test
    void theNamesrvConfListenPortOrTheBrokerConfKeyNamesThePort() {
        assertThat(NamesrvConfigFile.from(properties("listenPort", " 9877 ")).listenPort()).isEqualTo(9877);
        assertThat(NamesrvConfigFile.from(properties("namesrvListenPort", "9878")).listenPort()).isEqualTo(9878);
    }

    @Test
    void aBadPortIsRefusedNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> NamesrvConfigFile.from(properties("listenPort", "abc")))
                .hasMessageContaining("listenPort").hasMessageContaining("'abc'");
        assertThatThrownBy(() -> NamesrvConfigFile.from(properties("listenPort", "70000")))
                .hasMessageContaining("70000");
    }

    @Test
    void otherRocketMqKeysAreReportedAsUnused() {
        NamesrvConfigFile config = NamesrvConfigFile.from(properties("listenPort", "9876", "kvConfigPath", "/x",
                "serverWorkerThreads", "8"));

        assertThat(config.unusedKeys()).containsExactly("kvConfigPath", "serverWorkerThreads");
        assertThat(config.asProperties()).containsExactly(Map.entry("listenPort", "9876"));
    }
}

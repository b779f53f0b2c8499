package dev.bolide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.BrokerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: every key once, defaults its types read back, RocketMQ's keys told from Bolide's. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void everyNameAndAliasNamesOneSettingOnly() {
        List<String> names = Settings.ALL.stream().flatMap(s -> Stream.concat(Stream.of(s.name()), s.aliases().stream()))
                .toList();

        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    }

    @Test
    void everyDefaultReadsBackFromItsWrittenForm() {
        for (Setting<?> setting : Settings.ALL) {
            assertThat(readsBack(setting)).as(setting.name()).isTrue();
        }
    }

    private static <T> boolean readsBack(Setting<T> setting) {
        T fallback = setting.defaultValue();
        return fallback == null || setting.type().parse(setting.type().write(fallback)).equals(fallback);
    }

    @Test
    void settingsMarkedAsRocketMq49KeysAreRocketMqKeysAndNoOthersAre() {
        for (Setting<?> setting : Settings.ALL) {
            boolean rocketMqKey = Stream.concat(Stream.of(setting.name()), setting.aliases().stream())
                    .anyMatch(RocketMqDefaults::isRocketMqKey);
            assertThat(rocketMqKey).as(setting.name()).isEqualTo(setting.origin() == Origin.ROCKETMQ_4);
        }
    }

    @Test
    void theConfigurationAnswersEveryRocketMqKeyOnce() {
        BrokerSettings settings = BrokerSettings.builder().set(Settings.STORE_PATH_ROOT_DIR, dir)
                .set(Settings.BROKER_IP1, "127.0.0.1").build();
        Map<String, String> read = settings.asProperties();
        Map<String, String> notRead = RocketMqDefaults.notReadByBolide(settings.brokerIP1());

        assertThat(read.keySet()).doesNotContainAnyElementsOf(notRead.keySet());
        Set<String> answered = new HashSet<>(read.keySet());
        answered.addAll(notRead.keySet());
        assertThat(answered).contains("transactionTimeOut", "brokerIP2", "aclEnable", "haListenPort", "brokerRole")
                .hasSizeGreaterThanOrEqualTo(174);
        assertThat(notRead).containsEntry("brokerIP2", "127.0.0.1").containsEntry("filterDataCleanTimeSpan", "86400000");
        assertThat(read).containsEntry("aclEnable", "false");
        assertThat(read).containsEntry("transactionTimeOut", read.get("transactionTimeout"));
    }

    @Test
    void keysThatDecideIdentityPlacementOrLayoutCannotBeUpdatedRemotely() {
        List<String> fixed = new ArrayList<>();
        Settings.ALL.stream().filter(setting -> !setting.updatable()).forEach(setting -> fixed.add(setting.name()));

        assertThat(fixed).contains("storePathRootDir", "storePathCommitLog", "mappedFileSizeCommitLog", "brokerName",
                "brokerClusterName", "brokerId", "brokerRole", "listenPort", "flushDiskType", "timerPrecisionMs",
                "aclEnable", "aclConfigFile");
    }

    @Test
    void theReadmeTableHasARowPerSettingUnderItsFeature() {
        String table = SettingsTable.markdown();

        for (Setting<?> setting : Settings.ALL) {
            assertThat(table).contains("| `" + setting.name() + "`");
        }
        assertThat(table).contains("| `transactionTimeout` (`transactionTimeOut`) | `6000` | milliseconds | RocketMQ 4.9 "
                + "| yes |");
    }
}

package dev.bolide.broker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigFileTest {
    private static Properties conf(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void mapsRocketMqStoreKeysWithTheirUnits() throws IOException {
        StoreConfig config = BrokerConfigFile.from(conf("""
                storePathRootDir = /data/store
                mapedFileSizeCommitLog = 104857600
                flushDiskType = SYNC_FLUSH
                fileReservedTime = 48
                diskMaxUsedSpaceRatio = 80
                deleteWhen = 02;14
                brokerIP1 = 10.0.0.5
                listenPort = 10921
                """)).storeConfig();

        assertThat(config.storePathRootDir()).isEqualTo(Path.of("/data/store"));
        assertThat(config.storePathCommitLog()).isEqualTo(Path.of("/data/store/commitlog"));
        assertThat(config.mappedFileSizeCommitLog()).isEqualTo(104857600);
        assertThat(config.flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
        assertThat(config.fileReservedTime()).isEqualTo(Duration.ofHours(48));
        assertThat(config.diskMaxUsedSpaceRatio()).isEqualTo(0.80);
        assertThat(config.deleteWhen()).containsExactlyInAnyOrder(2, 14);
        assertThat(config.storeHost()).isEqualTo(new InetSocketAddress("10.0.0.5", 10921));
    }

    @Test
    void forcedCleaningKeepsUnconsumedFilesUnlessBothKeysAllowIt() throws IOException {
        StoreConfig defaults = BrokerConfigFile.from(conf("")).storeConfig();
        StoreConfig asRocketMq = BrokerConfigFile.from(conf("""
                cleanFileForciblyEnable = false
                cleanUnconsumedFileForciblyEnable = true
                """)).storeConfig();

        assertThat(defaults.cleanFileForciblyEnable()).isTrue();
        assertThat(defaults.cleanUnconsumedFileForciblyEnable()).isFalse();
        assertThat(asRocketMq.cleanFileForciblyEnable()).isFalse();
        assertThat(asRocketMq.cleanUnconsumedFileForciblyEnable()).isTrue();
    }

    @Test
    void reportsKeysThisBuildDoesNotUse() throws IOException {
        BrokerConfigFile file = BrokerConfigFile.from(conf("""
                brokerName = broker-a
                storePathRootDir = /data/store
                filterDataCleanTimeSpan = 86400000
                """));

        assertThat(file.unusedKeys()).containsExactly("filterDataCleanTimeSpan");
    }

    @Test
    void anUnusedKeyIsToldApartFromATypo() {
        assertThat(BrokerConfigFile.whyUnused("filterDataCleanTimeSpan")).isEqualTo("a RocketMQ 4.9 key that Bolide does not use");
        assertThat(BrokerConfigFile.whyUnused("listenPrt")).isEqualTo("not a key of RocketMQ 4.9 nor of Bolide");
    }

    @Test
    void aTlsKeyThatBrokerConfDoesNotCarrySaysWhereItIsRead() {
        assertThat(BrokerConfigFile.whyUnused("tls.server.keyPassword"))
                .isEqualTo("a TLS key read only as -Dtls.server.keyPassword or from tls.config.file");
    }

    @Test
    void rocketMqsOwnSpellingsAreRead() throws IOException {
        BrokerConfigFile file = BrokerConfigFile.from(conf("""
                transactionTimeOut = 1500
                mapedFileSizeCommitLog = 104857600
                """));

        assertThat(file.unusedKeys()).isEmpty();
        assertThat(file.brokerSettings().transactions().transactionTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(file.storeConfig().mappedFileSizeCommitLog()).isEqualTo(104857600);
    }

    @Test
    void syncMasterIsARoleNowAndAnUnknownRoleIsRefusedRatherThanIgnored() throws IOException {
        assertThat(BrokerConfigFile.from(conf("brokerRole = SYNC_MASTER")).brokerSettings().brokerRole())
                .isEqualTo(BrokerRole.SYNC_MASTER);
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerConfigFile.from(conf("brokerRole = LEADER")))
                .withMessage("broker.conf: brokerRole = 'LEADER': no such value "
                        + "(expected: one of ASYNC_MASTER, SYNC_MASTER, SLAVE)");
    }

    @Test
    void aSlaveNeedsABrokerIdAboveZeroAndAMastersIsAlwaysZeroAsInRocketMq() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerConfigFile.from(conf("brokerRole = SLAVE")))
                .withMessageStartingWith("broker.conf: brokerRole = SLAVE needs brokerId > 0");

        assertThat(BrokerConfigFile.from(conf("brokerRole = SLAVE\nbrokerId = 2")).brokerSettings().brokerId())
                .isEqualTo(2);
        assertThat(BrokerConfigFile.from(conf("brokerRole = ASYNC_MASTER\nbrokerId = 2")).brokerSettings()
                .brokerId()).isZero();
    }

    @Test
    void withoutNamesrvAddrTheBrokerRegistersWithItsEmbeddedNameServerEvery30Seconds() throws IOException {
        var settings = BrokerConfigFile.from(conf("brokerName = broker-a")).brokerSettings();

        assertThat(settings.namesrvAddr()).isEmpty();
        assertThat(settings.namesrvListenPort()).isEqualTo(9876);
        assertThat(settings.registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void namesrvAddrListsNameServersSeparatedBySemicolons() throws IOException {
        var settings = BrokerConfigFile.from(conf("namesrvAddr = 10.0.0.1:9876; ns2.example:9877;")).brokerSettings();

        assertThat(settings.namesrvAddr()).containsExactly("10.0.0.1:9876", "ns2.example:9877");
    }

    @Test
    void aNameServerAddressWithoutPortIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfigFile.from(conf("namesrvAddr = 10.0.0.1:9876;10.0.0.2")))
                .withMessageContaining("namesrvAddr").withMessageContaining("'10.0.0.2' is not host:port");
    }

    @Test
    void registerNameServerPeriodIsClampedBetween10And60SecondsLikeRocketMq() throws IOException {
        assertThat(BrokerConfigFile.from(conf("registerNameServerPeriod = 1000")).brokerSettings()
                .registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(BrokerConfigFile.from(conf("registerNameServerPeriod = 45000")).brokerSettings()
                .registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(45));
        assertThat(BrokerConfigFile.from(conf("registerNameServerPeriod = 600000")).brokerSettings()
                .registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void namesrvListenPortMinusOneRunsNoEmbeddedNameServer() throws IOException {
        var settings = BrokerConfigFile.from(conf("""
                namesrvListenPort = -1
                namesrvAddr = 10.0.0.1:9876
                """)).brokerSettings();

        assertThat(settings.namesrvListenPort()).isEqualTo(BrokerSettings.NO_EMBEDDED_NAME_SERVER);
    }

    @Test
    void withoutAnEmbeddedNameServerNamesrvAddrIsRequired() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfigFile.from(conf("namesrvListenPort = -1")))
                .withMessageStartingWith("broker.conf: ").withMessageContaining("namesrvAddr");
    }

    @Test
    void readsTheBrokerIdentityAndTopicRules() throws IOException {
        var settings = BrokerConfigFile.from(conf("""
                brokerClusterName = C1
                brokerName = broker-b
                brokerId = 0
                listenPort = 10921
                namesrvListenPort = 19876
                autoCreateTopicEnable = false
                defaultTopicQueueNums = 4
                """)).brokerSettings();

        assertThat(settings.brokerClusterName()).isEqualTo("C1");
        assertThat(settings.brokerName()).isEqualTo("broker-b");
        assertThat(settings.listenPort()).isEqualTo(10921);
        assertThat(settings.namesrvListenPort()).isEqualTo(19876);
        assertThat(settings.autoCreateTopicEnable()).isFalse();
        assertThat(settings.defaultTopicQueueNums()).isEqualTo(4);
    }

    @Test
    void theEffectiveSettingsReadBackAsTheSameSettings() throws IOException {
        var settings = BrokerConfigFile.from(conf("""
                brokerName = broker-b
                brokerIP1 = 127.0.0.1
                flushDiskType = SYNC_FLUSH
                fileReservedTime = 48
                deleteWhen = 04;16
                diskMaxUsedSpaceRatio = 80
                enablePropertyFilter = true
                autoCreateSubscriptionGroup = false
                """)).brokerSettings();
        Properties written = new Properties();
        written.putAll(settings.asProperties());

        BrokerConfigFile reread = BrokerConfigFile.from(written);

        assertThat(reread.unusedKeys()).isEmpty();
        assertThat(reread.brokerSettings().asProperties()).isEqualTo(settings.asProperties());
        assertThat(reread.brokerSettings().enablePropertyFilter()).isTrue();
    }

    @Test
    void aValueThatDoesNotParseNamesItsKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfigFile.from(conf("maxMessageSize = 4MB")))
                .withMessage("broker.conf: maxMessageSize = '4MB': not a whole number (expected: bytes)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfigFile.from(conf("flushDiskType = SOMETIMES")))
                .withMessageContaining("flushDiskType");
    }

    @Test
    void inconsistentValuesAreRefusedWithTheKeyName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfigFile.from(conf("mapedFileSizeCommitLog = 1024")))
                .withMessageContaining("mapedFileSizeCommitLog");
    }

    @Test
    void readsTheTimerKeysOfRocketMq5WithAThreeDayMaximumDelayByDefault() throws IOException {
        assertThat(BrokerConfigFile.from(conf("brokerName = broker-a")).brokerSettings().timer())
                .isEqualTo(new TimerSettings(259_200, 100));
        BrokerConfigFile file = BrokerConfigFile.from(conf("""
                timerMaxDelaySec = 3600
                timerPrecisionMs = 1000
                """));

        assertThat(file.brokerSettings().timer()).isEqualTo(new TimerSettings(3600, 1000));
        assertThat(file.unusedKeys()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerConfigFile.from(conf("timerPrecisionMs = 0")))
                .withMessageContaining("timerPrecisionMs");
    }

    @Test
    void readsTheXaTimeoutsInMilliseconds() throws IOException {
        BrokerConfigFile configured = BrokerConfigFile.from(conf("""
                xaBranchTimeout = 20000
                xaHeuristicTimeout = 3600000
                """));

        assertThat(configured.brokerSettings().transactions()).isEqualTo(TransactionSettings.DEFAULTS
                .withXa(Duration.ofSeconds(20), Duration.ofHours(1)));
        assertThat(configured.unusedKeys()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerConfigFile.from(conf("xaBranchTimeout = 0")))
                .withMessageContaining("xaBranchTimeout");
    }

    @Test
    void readsTheTransactionCheckSettingsInMillisecondsWithRocketMqDefaults() throws IOException {
        BrokerConfigFile configured = BrokerConfigFile.from(conf("""
                transactionTimeout = 1500
                transactionCheckInterval = 2000
                transactionCheckMax = 3
                """));

        assertThat(configured.brokerSettings().transactions()).isEqualTo(new TransactionSettings(
                Duration.ofMillis(1500), Duration.ofMillis(2000), 3));
        assertThat(configured.unusedKeys()).isEmpty();
        assertThat(BrokerConfigFile.from(conf("")).brokerSettings().transactions())
                .isEqualTo(TransactionSettings.DEFAULTS);
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerConfigFile.from(conf("transactionCheckInterval = 0")))
                .withMessageContaining("transactionCheckInterval");
    }

    @Test
    void readsDelayLevelsAndTheDelayProgressIntervalInRocketMqSyntax() throws IOException {
        var schedule = BrokerConfigFile.from(conf("""
                messageDelayLevel = 1s 2m 3h 1d
                flushDelayOffsetInterval = 2500
                """)).brokerSettings().schedule();

        assertThat(schedule.messageDelayLevel().delays()).containsExactly(Duration.ofSeconds(1), Duration.ofMinutes(2),
                Duration.ofHours(3), Duration.ofDays(1));
        assertThat(schedule.flushDelayOffsetInterval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(BrokerConfigFile.from(conf("brokerName = b")).brokerSettings().schedule().messageDelayLevel())
                .hasToString("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfigFile.from(conf("messageDelayLevel = 1s 5x")))
                .withMessageContaining("messageDelayLevel").withMessageContaining("5x");
    }
}

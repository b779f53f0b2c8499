package dev.bolide.ra.embedded;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.Settings;
import dev.bolide.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the adapter lets a deployer choose about its embedded broker; everything else keeps the
 * defaults of a RocketMQ {@code broker.conf}.
 *
 * @param brokerPort               port clients send and pull on; 0 picks a free one
 * @param nameServerPort           port of the embedded name server; 0 picks a free one
 * @param brokerAddress            the address the broker gives clients (through the name server) to reach it
 * @param storeDir                 root directory of the store
 * @param flushType                when written messages are forced to disk
 * @param mappedFileSizeCommitLog  size of one commit-log file in bytes
 * @param transactionTimeout       how old an undecided half message of a local transaction is before its first check-back
 * @param transactionCheckInterval the time between two check-back passes
 * @param aclConfigFile            the plain_acl.yml every request is checked against; null: no access control
 * @param consoleListenPort        the port of the broker's web console and /metrics; {@link BrokerSettings#NO_CONSOLE}: none
 */
public record EmbeddedBrokerSettings(int brokerPort, int nameServerPort, String brokerAddress, Path storeDir,
        FlushDiskType flushType, int mappedFileSizeCommitLog, Duration transactionTimeout,
        Duration transactionCheckInterval, Path aclConfigFile, int consoleListenPort) {

    /** The embedded broker's settings: these, and the registry's defaults for the rest. */
    BrokerSettings brokerSettings() {
        return BrokerSettings.builder().set(Settings.LISTEN_PORT, brokerPort)
                .set(Settings.NAMESRV_LISTEN_PORT, nameServerPort).set(Settings.BROKER_IP1, brokerAddress)
                .set(Settings.STORE_PATH_ROOT_DIR, storeDir).set(Settings.FLUSH_DISK_TYPE, flushType)
                .set(Settings.MAPPED_FILE_SIZE_COMMIT_LOG, mappedFileSizeCommitLog)
                .set(Settings.TRANSACTION_TIMEOUT, transactionTimeout)
                .set(Settings.TRANSACTION_CHECK_INTERVAL, transactionCheckInterval)
                .set(Settings.ACL_ENABLE, aclConfigFile != null).set(Settings.ACL_CONFIG_FILE, aclConfigFile)
                .set(Settings.CONSOLE_LISTEN_PORT, consoleListenPort).build();
    }
}

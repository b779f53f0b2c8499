package dev.bolide.ra.embedded;

import dev.bolide.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

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
 */
public record EmbeddedBrokerSettings(int brokerPort, int nameServerPort, String brokerAddress, Path storeDir,
        FlushDiskType flushType, int mappedFileSizeCommitLog, Duration transactionTimeout,
        Duration transactionCheckInterval) {

    /** These settings under the {@code broker.conf} keys the broker's own launcher reads. */
    Properties asBrokerConf() {
        Properties conf = new Properties();
        conf.setProperty("listenPort", Integer.toString(brokerPort));
        conf.setProperty("namesrvListenPort", Integer.toString(nameServerPort));
        conf.setProperty("brokerIP1", brokerAddress);
        conf.setProperty("storePathRootDir", storeDir.toString());
        conf.setProperty("flushDiskType", flushType.name());
        conf.setProperty("mappedFileSizeCommitLog", Integer.toString(mappedFileSizeCommitLog));
        conf.setProperty("transactionTimeout", Long.toString(transactionTimeout.toMillis()));
        conf.setProperty("transactionCheckInterval", Long.toString(transactionCheckInterval.toMillis()));
        return conf;
    }
}

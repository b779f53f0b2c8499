package dev.bolide.bench.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What both brokers get alike, so that their figures compare: the JVM's heap and collector, the
 * flush mode, a fresh store on the same disk, loopback addresses and automatic topic creation.
 * Everything else is each broker's default.
 *
 * @param heap          {@code -Xms} and {@code -Xmx}, e.g. {@code 512m}
 * @param flushDiskType {@code ASYNC_FLUSH} or {@code SYNC_FLUSH}
 * @param scratchParent where each broker's fresh directory is created
 */
public record BrokerSetup(String heap, String flushDiskType, Path scratchParent) {

    public BrokerSetup {
        if (!flushDiskType.equals("ASYNC_FLUSH") && !flushDiskType.equals("SYNC_FLUSH")) {
            throw new IllegalArgumentException("flush must be ASYNC_FLUSH or SYNC_FLUSH, was " + flushDiskType);
        }
    }

    /** A broker's part in replication, as both brokers spell it in {@code broker.conf}. */
    enum Role {
        ASYNC_MASTER(0), SYNC_MASTER(0), SLAVE(1);

        private final int brokerId;

        Role(int brokerId) {
            this.brokerId = brokerId;
        }
    }

    /** The broker JVM's options; {@code user.home} is where either broker puts files it is not told about. */
    public List<String> jvmOptions(ScratchDirectory directory) {
        return jvmOptions(directory.path());
    }

    /** As {@link #jvmOptions(ScratchDirectory)}, for a broker living in {@code home}. */
    public List<String> jvmOptions(Path home) {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-Duser.home=" + home);
    }

    /** The {@code broker.conf} lines both brokers read with the same meaning, for a lone master. */
    List<String> brokerConfLines(int listenPort, ScratchDirectory directory) {
        return brokerConfLines(listenPort, directory.path(), Role.ASYNC_MASTER);
    }

    /**
     * As {@link #brokerConfLines(int, ScratchDirectory)}, for a broker of {@code role} with its store in
     * {@code home}: a master and its slave share {@code brokerName}, and the slave finds its master's
     * HA port through the name server.
     */
    List<String> brokerConfLines(int listenPort, Path home, Role role) {
        Path store = home.resolve("store");
        return List.of(
                "brokerClusterName = DefaultCluster",
                "brokerName = broker-a",
                "brokerId = " + role.brokerId,
                "brokerRole = " + role,
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + listenPort,
                "storePathRootDir = " + store,
                "storePathCommitLog = " + store.resolve("commitlog"),
                "flushDiskType = " + flushDiskType,
                "autoCreateTopicEnable = true");
    }
}

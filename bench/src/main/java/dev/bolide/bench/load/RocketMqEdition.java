package dev.bolide.bench.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Which Apache RocketMQ the harness starts, and what it sets beyond {@link BrokerSetup}: the jars
 * Maven Central publishes for {@code version} (copied into {@code lib} by {@code bench/rocketmq-dist}
 * or {@code bench/rocketmq5-dist}) and, for a tuned column, the broker settings and JVM options of
 * the tuning.
 *
 * @param name       the column's name in the table
 * @param version    the release, as its broker jar is named
 * @param lib        its jars
 * @param confLines  {@code broker.conf} lines after the common ones
 * @param jvmOptions broker JVM options after the common ones
 */
record RocketMqEdition(String name, String version, Path lib, List<String> confLines, List<String> jvmOptions) {
    static final String VERSION_4 = "4.9.7";
    /** The newest 5.x whose broker, name server and their dependencies all resolve from Maven Central. */
    static final String VERSION_5 = "5.5.0";
    /**
     * Off-heap buffers of one CommitLog segment (1 GiB) each. RocketMQ's default is 5, memory-locked:
     * 5 GiB of a shared machine. Three are what it needs: one for the segment being written, one for
     * the next, which it allocates ahead, and one free, since it rejects every send (SYSTEM_BUSY)
     * while none is; the committer empties a buffer every 200 ms, and the harness writes tens of MB/s.
     */
    private static final int TRANSIENT_POOL_BUFFERS = 3;

    /** RocketMQ 4.9.7 with its defaults, the reference the targets are set against. */
    static RocketMqEdition version4(Path lib) {
        return new RocketMqEdition("RocketMQ " + VERSION_4, VERSION_4, lib, List.of(), List.of());
    }

    /**
     * RocketMQ 4.9.7 at its fastest for ASYNC_FLUSH: appends go to a pool of off-heap buffers which a
     * committer writes to the file channel (page cache) and a flusher forces, with the commit and
     * flush intervals and page thresholds RocketMQ documents for the pool (its defaults, spelled out).
     * RocketMQ ignores the pool under SYNC_FLUSH, so there this column is RocketMQ's default again.
     * The pool is direct memory, so the JVM may have more than its heap of it, as RocketMQ's own
     * {@code runbroker.sh} allows (15g there); the pool reaches the buffers' addresses through
     * {@code sun.nio.ch.DirectBuffer}, which a JDK after 8 exports only when asked.
     */
    static RocketMqEdition version4TransientStorePool(Path lib) {
        return new RocketMqEdition("RocketMQ " + VERSION_4 + " TSP", VERSION_4, lib, List.of(
                "transientStorePoolEnable = true",
                "transientStorePoolSize = " + TRANSIENT_POOL_BUFFERS,
                "commitIntervalCommitLog = 200",
                "commitCommitLogLeastPages = 4",
                "flushIntervalCommitLog = 500",
                "flushCommitLogLeastPages = 4"),
                List.of("-XX:MaxDirectMemorySize=" + (TRANSIENT_POOL_BUFFERS + 1) + "g",
                        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"));
    }

    /** RocketMQ 5 with its defaults, spoken to over the remoting protocol as 4.9.7 is (no proxy). */
    static RocketMqEdition version5(Path lib) {
        return new RocketMqEdition("RocketMQ " + VERSION_5, VERSION_5, lib, List.of(), List.of());
    }

    Path brokerJar() {
        return lib.resolve("rocketmq-broker-" + version + ".jar");
    }
}

package dev.bolide.broker.ha;

import java.time.Duration;

/**
 * The replication channel's timing and sizes, under RocketMQ's {@code broker.conf} keys and
 * units.
 *
 * @param listenPort           port the master streams to slaves on; 0 picks a free one
 * @param masterAddress        a slave's master HA address ({@code host:port}); null: learned from the
 *                             name server's registration answer
 * @param heartbeatInterval    how often a slave reports its offset when nothing arrives, and how
 *                             long a master stays silent before a heartbeat frame
 * @param housekeepingInterval how long either side waits for the other before closing the connection
 * @param transferBatchSize    largest CommitLog chunk of one frame
 * @param slaveFallbehindMax   a SYNC_MASTER answers SLAVE_NOT_AVAILABLE at once when its best slave
 *                             is this many bytes behind or more
 * @param slaveTimeout         how long a SYNC_MASTER's write waits for a slave before
 *                             FLUSH_SLAVE_TIMEOUT (RocketMQ 4.9.7's {@code slaveTimeout}; its flush
 *                             waits {@code syncFlushTimeout} meanwhile)
 */
public record HaSettings(int listenPort, String masterAddress, Duration heartbeatInterval,
        Duration housekeepingInterval, int transferBatchSize, int slaveFallbehindMax, Duration slaveTimeout) {
    /** RocketMQ's defaults: 5 s, 20 s, 32 KiB, 256 MiB, 3 s. */
    public static final HaSettings DEFAULTS = new HaSettings(0, null, Duration.ofSeconds(5), Duration.ofSeconds(20),
            32 * 1024, 256 * 1024 * 1024, Duration.ofSeconds(3));

    public HaSettings {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("haSendHeartbeatInterval must be positive");
        }
        if (housekeepingInterval.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("haHousekeepingInterval must be longer than haSendHeartbeatInterval, "
                    + "or idle connections are closed between two heartbeats");
        }
        if (transferBatchSize <= 0) {
            throw new IllegalArgumentException("haTransferBatchSize must be positive");
        }
        if (slaveTimeout.isNegative() || slaveTimeout.isZero()) {
            throw new IllegalArgumentException("slaveTimeout must be positive");
        }
    }
}

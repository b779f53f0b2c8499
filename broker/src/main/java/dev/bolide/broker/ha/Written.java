package dev.bolide.broker.ha;

import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.AppendResult;

/**
 * An append as the store and the slaves acknowledged it.
 *
 * @param appended    where the messages went, {@link AppendResult.Status#FLUSH_DISK_TIMEOUT} when the disk
 *                    did not confirm them in time
 * @param replication how the slaves stand with them
 */
public record Written(AppendResult appended, ReplicationStatus replication) {
    /**
     * The code a send is answered with, RocketMQ's: a slave's failure outranks a flush timeout, as in
     * its {@code handleDiskFlushAndHA}, where the replica status overwrites the flush status.
     */
    public int sendResponseCode() {
        return switch (replication) {
            case SLAVE_NOT_AVAILABLE -> ResponseCode.SLAVE_NOT_AVAILABLE;
            case FLUSH_SLAVE_TIMEOUT -> ResponseCode.FLUSH_SLAVE_TIMEOUT;
            case REPLICATED -> appended.status() == AppendResult.Status.PUT_OK ? ResponseCode.SUCCESS
                    : ResponseCode.FLUSH_DISK_TIMEOUT;
        };
    }
}

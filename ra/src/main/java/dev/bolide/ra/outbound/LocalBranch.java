package dev.bolide.ra.outbound;

import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.client.rocketmq.XaBranches;
import dev.bolide.protocol.xa.BranchId;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The sends of one local transaction: half-messages of a broker branch under an id of the adapter's
 * own, made visible by a one-phase commit on each broker they went to, or discarded by a rollback.
 * With one broker this is atomic; across brokers each commits on its own (a local transaction has no
 * prepare phase).
 */
final class LocalBranch {
    /** "Bold": the format id of the adapter's own branch ids, which a transaction manager never uses. */
    static final int FORMAT_ID = 0x426f6c64;
    static final String PRODUCER_GROUP = "BOLIDE_RA_PRODUCER";

    private final XaBranches branches;
    private final String id = newId();
    private final Set<String> brokers = new LinkedHashSet<>();

    LocalBranch(XaBranches branches) {
        this.branches = branches;
    }

    private static String newId() {
        UUID uuid = UUID.randomUUID();
        byte[] global = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return BranchId.of(FORMAT_ID, global, new byte[0]).text();
    }

    synchronized SendResult send(OutgoingMessage message) {
        SendResult result = branches.sendHalf(PRODUCER_GROUP, id, message, null);
        brokers.add(result.queue().brokerName());
        return result;
    }

    synchronized void commit() {
        brokers.forEach(broker -> branches.commitBranch(broker, id, true));
    }

    synchronized void rollback() {
        brokers.forEach(broker -> branches.rollbackBranch(broker, id));
    }
}

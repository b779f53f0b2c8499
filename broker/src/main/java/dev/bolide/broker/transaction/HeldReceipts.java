package dev.bolide.broker.transaction;

import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.pull.HeldOffsets;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.xa.BranchReceipt;
import dev.bolide.store.MessageFilter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The messages received in prepared or decided XA branches, which pulls of their group skip: a
 * prepared branch's receipt is in doubt, a committed one consumed, a rolled back one sent to the
 * group's retry topic, so in no case is the original delivered again. A receipt is held until the
 * group's committed offset of its queue is past it, after which no pull of the group reaches it.
 * Thread-safe: pulls read it on their threads, the coordinator changes it under its lock.
 */
final class HeldReceipts implements HeldOffsets {
    private record Queue(String group, String topic, int queueId) {
    }

    private final ConsumerOffsets offsets;
    private final Map<Queue, NavigableSet<Long>> held = new ConcurrentHashMap<>();

    HeldReceipts(ConsumerOffsets offsets) {
        this.offsets = offsets;
    }

    void hold(List<BranchReceipt> receipts) {
        for (BranchReceipt receipt : receipts) {
            held.computeIfAbsent(queueOf(receipt), q -> new ConcurrentSkipListSet<>()).add(receipt.queueOffset());
        }
    }

    /** Whether the group committed past every one of the receipts: they need no holding any more. */
    boolean consumed(List<BranchReceipt> receipts) {
        return receipts.stream().allMatch(receipt -> offsets.committed(receipt.group(), receipt.topic(),
                receipt.queueId()).orElse(-1) > receipt.queueOffset());
    }

    /** Lets go of the receipts each group committed past. */
    void releaseConsumed() {
        held.forEach((queue, heldOffsets) -> {
            long committed = offsets.committed(queue.group(), queue.topic(), queue.queueId()).orElse(-1);
            heldOffsets.headSet(committed).clear();
        });
        held.values().removeIf(NavigableSet::isEmpty);
    }

    @Override
    public MessageFilter around(String group, String topic, int queueId, MessageFilter filter) {
        if (held.isEmpty()) {
            // the common case, asked on every pull: no key built, nothing looked up
            return filter;
        }
        NavigableSet<Long> heldOffsets = held.get(new Queue(group, topic, queueId));
        if (heldOffsets == null || heldOffsets.isEmpty()) {
            return filter;
        }
        return new MessageFilter() {
            @Override
            public boolean matchesTagsCode(long tagsCode) {
                return filter.matchesTagsCode(tagsCode);
            }

            @Override
            public boolean matchesRecord(ByteBuffer record) {
                long queueOffset = new MessageRecordView().wrap(record, record.position()).queueOffset();
                return !heldOffsets.contains(queueOffset) && filter.matchesRecord(record);
            }
        };
    }

    private static Queue queueOf(BranchReceipt receipt) {
        return new Queue(receipt.group(), receipt.topic(), receipt.queueId());
    }
}

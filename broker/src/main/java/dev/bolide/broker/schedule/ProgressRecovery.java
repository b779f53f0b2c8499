package dev.bolide.broker.schedule;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * Brings persisted delivery progress up to date from the CommitLog, the only record that cannot
 * lag behind: every delivery appended after the progress was taken carries a {@link DeliveryMark}
 * naming its schedule record, whose level and queue offset say how far that level had come.
 */
final class ProgressRecovery {
    private ProgressRecovery() {
    }

    /** The progress including every delivery the CommitLog holds, taken at its current end. */
    static DelayProgress recover(MessageStore store, DelayProgress persisted, int levels) {
        if (IntStream.rangeClosed(1, levels)
                .allMatch(level -> store.maxOffset(ScheduleTopic.NAME, ScheduleTopic.queueOf(level)) == 0)) {
            return persisted;  // nothing was ever delayed: there is nothing to look for
        }
        Map<Integer, Long> next = new HashMap<>(persisted.nextOffsets());
        MessageRecordView scheduled = new MessageRecordView();
        store.forEachRecord(persisted.commitLogOffset(), (offset, record) -> {
            OptionalLong mark = DeliveryMark.find(record.properties());
            if (mark.isEmpty() || record.topic().equals(ScheduleTopic.NAME)) {
                return;
            }
            ByteBuffer source = store.lookupMessage(mark.getAsLong());
            if (source != null && scheduled.wrap(source, 0).topic().equals(ScheduleTopic.NAME)) {
                next.merge(ScheduleTopic.levelOf(scheduled.queueId()), scheduled.queueOffset() + 1, Math::max);
            }
        });
        return new DelayProgress(next, store.commitLogMaxOffset());
    }
}

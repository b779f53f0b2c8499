package dev.bolide.broker.schedule;

import dev.bolide.protocol.message.MessageProperties;
import java.util.OptionalLong;

/**
 * The property each delivered message carries: the CommitLog offset of the schedule record it was
 * delivered from. It makes every delivery findable in the CommitLog, which is how delivery
 * progress is rebuilt after a crash ({@link ScheduleService}).
 */
final class DeliveryMark {
    static final String KEY = "BOLIDE_SCHEDULE_OFFSET";

    private DeliveryMark() {
    }

    static String of(long schedulePhysicalOffset) {
        return Long.toString(schedulePhysicalOffset);
    }

    /** The schedule record's offset named by a record's properties, if it carries a well-formed mark. */
    static OptionalLong find(String properties) {
        String mark = MessageProperties.find(properties, KEY);
        if (mark == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(mark));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

package dev.bolide.broker.schedule;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import java.util.Map;
import java.util.Optional;

/**
 * The message a due schedule record becomes: stored again in its real topic and queue, with
 * everything the producer gave it (body, flags, born time and host, keys, unique id, properties).
 * {@code DELAY} is removed, so that a consumer copying the message's properties into a new one
 * does not delay it again; {@code REAL_TOPIC} and {@code REAL_QID} stay, as in RocketMQ. The
 * {@link DeliveryMark} names the schedule record.
 */
final class Delivery {
    private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

    private Delivery() {
    }

    /** Empty when the record cannot be delivered at all (no real destination, or it no longer fits the limits). */
    static Optional<MessageToStore> of(MessageRecordView scheduled) {
        Map<String, String> properties = MessageProperties.decode(scheduled.properties());
        String topic = properties.get(PropertyKeys.REAL_TOPIC);
        String queueId = properties.get(PropertyKeys.REAL_QUEUE_ID);
        properties.remove(PropertyKeys.DELAY_TIME_LEVEL);
        properties.put(DeliveryMark.KEY, DeliveryMark.of(scheduled.physicalOffset()));
        try {
            if (topic == null || queueId == null) {
                throw new IllegalArgumentException("it has no " + PropertyKeys.REAL_TOPIC + " or "
                        + PropertyKeys.REAL_QUEUE_ID);
            }
            return Optional.of(MessageToStore.copyOf(scheduled, topic, Integer.parseInt(queueId))
                    .properties(properties)
                    // nothing is acknowledged: progress counting it is written only once it is flushed
                    .waitForFlush(false)
                    .build());
        } catch (IllegalArgumentException | StoreException e) {
            LOG.log(System.Logger.Level.ERROR, "delayed message at CommitLog offset {0} cannot be delivered to "
                    + "topic {1} queue {2} and is dropped: {3}", scheduled.physicalOffset(), topic, queueId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}

package dev.bolide.broker.retry;

import dev.bolide.broker.ha.Writes;
import dev.bolide.broker.ha.Written;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stores the dead letter at a CommitLog offset again in the topic it was first sent to, its
 * {@code RETRY_TOPIC}, in a random queue, so that the topic's consumers get it once more: what
 * RESEND_DEAD_LETTER and the console's Dead letters page do.
 *
 * <p>The new message keeps body, flags, born time and host, tags, keys, unique id,
 * {@code ORIGIN_MESSAGE_ID} and user properties; it starts again with reconsume count 0, and the
 * properties of its retries ({@code RETRY_TOPIC}, {@code DELAY}, {@code REAL_TOPIC},
 * {@code REAL_QID}, {@code RECONSUME_TIME}, {@code MAX_RECONSUME_TIMES}) are gone. The dead letter
 * itself stays where it is (queues are logs): each call re-sends once more.
 */
public final class DeadLetterResend {
    /** What a message picked up on its way through retries and the dead-letter queue. */
    private static final List<String> RETRY_PROPERTIES = List.of(PropertyKeys.RETRY_TOPIC,
            PropertyKeys.DELAY_TIME_LEVEL, PropertyKeys.REAL_TOPIC, PropertyKeys.REAL_QUEUE_ID,
            PropertyKeys.RECONSUME_TIME, PropertyKeys.MAX_RECONSUME_TIMES);

    private final MessageStore store;
    private final Writes writes;
    private final TopicConfigTable topics;

    /** @param writes how a re-sent message is stored and waited for, as a send is */
    public DeadLetterResend(MessageStore store, Writes writes, TopicConfigTable topics) {
        this.store = store;
        this.writes = writes;
        this.topics = topics;
    }

    /**
     * The re-sent message, once stored as a send is (the disk under {@code SYNC_FLUSH}, a slave on a
     * SYNC_MASTER).
     *
     * @throws Refused when no dead letter starts at {@code offset} or its topic no longer exists
     * @throws dev.bolide.store.StoreException when the store takes no appends
     */
    public CompletableFuture<Written> resend(long offset) throws Refused {
        ByteBuffer found = store.lookupMessage(offset);
        MessageRecordView deadLetter = found == null ? null : new MessageRecordView().wrap(found, 0);
        if (deadLetter == null || !deadLetter.topic().startsWith(RetryTopics.DEAD_LETTER_PREFIX)) {
            throw new Refused(false, "no dead letter at CommitLog offset " + offset);
        }
        Map<String, String> properties = MessageProperties.decode(deadLetter.properties());
        String topicName = properties.get(PropertyKeys.RETRY_TOPIC);
        Optional<TopicConfig> topic = topicName == null ? Optional.empty() : topics.find(topicName);
        if (topic.isEmpty()) {
            throw new Refused(true, "the original topic " + topicName + " of the dead letter does not exist");
        }
        RETRY_PROPERTIES.forEach(properties::remove);
        return writes.append(List.of(MessageToStore.copyOf(deadLetter, topicName,
                        ThreadLocalRandom.current().nextInt(Math.max(1, topic.get().writeQueueNums())))
                .reconsumeTimes(0)
                .properties(properties)
                .build()));
    }

    /** Why a dead letter was not re-sent. */
    public static final class Refused extends Exception {
        private final boolean topicMissing;

        Refused(boolean topicMissing, String reason) {
            super(reason);
            this.topicMissing = topicMissing;
        }

        /** True when the dead letter's original topic is gone; false when there is no dead letter. */
        public boolean topicMissing() {
            return topicMissing;
        }
    }
}

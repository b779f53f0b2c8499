package dev.bolide.broker.retry;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.broker.ha.Writes;
import dev.bolide.broker.ha.Written;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link BolideRequestCode#RESEND_DEAD_LETTER} (9001), Bolide's own admin request: stores the
 * dead letter at CommitLog offset {@code offset} (header field; what its offset message id and
 * {@code MessageExt.getCommitLogOffset()} give) again in the topic it was first sent to, its
 * {@code RETRY_TOPIC}, in a random queue, so that the topic's consumers get it once more.
 *
 * <p>The new message keeps body, flags, born time and host, tags, keys, unique id,
 * {@code ORIGIN_MESSAGE_ID} and user properties; it starts again with reconsume count 0, and the
 * properties of its retries ({@code RETRY_TOPIC}, {@code DELAY}, {@code REAL_TOPIC},
 * {@code REAL_QID}, {@code RECONSUME_TIME}, {@code MAX_RECONSUME_TIMES}) are gone. The dead letter
 * itself stays where it is (queues are logs): each request re-sends once more.
 *
 * <p>Answers as a send does, once stored as a send is (the disk under {@code SYNC_FLUSH}, a slave
 * on a SYNC_MASTER): 0 (or a send's 10, 11, 12) with {@code msgId} (offset message id),
 * {@code queueId}, {@code queueOffset}; 1 when no dead letter is at that offset; 17 when its topic no longer exists.
 * Dead letters are found with the usual requests: a pull of {@code %DLQ%<group>} or a query by key
 * on it ({@code mqadmin queryMsgByKey}).
 */
public final class DeadLetterResendProcessor implements RequestProcessor {
    /** What a message picked up on its way through retries and the dead-letter queue. */
    private static final List<String> RETRY_PROPERTIES = List.of(PropertyKeys.RETRY_TOPIC,
            PropertyKeys.DELAY_TIME_LEVEL, PropertyKeys.REAL_TOPIC, PropertyKeys.REAL_QUEUE_ID,
            PropertyKeys.RECONSUME_TIME, PropertyKeys.MAX_RECONSUME_TIMES);

    private final MessageStore store;
    private final Writes writes;
    private final TopicConfigTable topics;

    /** @param writes how a resent message is waited for before the answer */
    public DeadLetterResendProcessor(MessageStore store, Writes writes, TopicConfigTable topics) {
        this.store = store;
        this.writes = writes;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        long offset = request.longField("offset");
        ByteBuffer found = store.lookupMessage(offset);
        MessageRecordView deadLetter = found == null ? null : new MessageRecordView().wrap(found, 0);
        if (deadLetter == null || !deadLetter.topic().startsWith(RetryTopics.DEAD_LETTER_PREFIX)) {
            return answer(request, ResponseCode.SYSTEM_ERROR, "no dead letter at CommitLog offset " + offset);
        }
        Map<String, String> properties = MessageProperties.decode(deadLetter.properties());
        String topicName = properties.get(PropertyKeys.RETRY_TOPIC);
        Optional<TopicConfig> topic = topicName == null ? Optional.empty() : topics.find(topicName);
        if (topic.isEmpty()) {
            return answer(request, ResponseCode.TOPIC_NOT_EXIST, "the original topic " + topicName
                    + " of the dead letter does not exist");
        }
        RETRY_PROPERTIES.forEach(properties::remove);
        MessageToStore resent = MessageToStore.copyOf(deadLetter, topicName,
                        ThreadLocalRandom.current().nextInt(Math.max(1, topic.get().writeQueueNums())))
                .reconsumeTimes(0)
                .properties(properties)
                .build();
        return append(request, resent);
    }

    private CompletableFuture<RemotingCommand> append(RemotingCommand request, MessageToStore resent) {
        try {
            return writes.append(List.of(resent)).handle((written, failure) -> failure == null
                    ? stored(request, written)
                    : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, failure.getMessage(), null, null));
        } catch (StoreException e) {
            return answer(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }

    private static RemotingCommand stored(RemotingCommand request, Written written) {
        AppendedMessage message = written.appended().messages().get(0);
        return RemotingCommand.responseTo(request, written.sendResponseCode(), null, Map.of(
                "msgId", message.offsetMessageId(),
                "queueId", Integer.toString(message.queueId()),
                "queueOffset", Long.toString(message.queueOffset())), null);
    }

    private static CompletableFuture<RemotingCommand> answer(RemotingCommand request, int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, code, remark, null, null));
    }
}

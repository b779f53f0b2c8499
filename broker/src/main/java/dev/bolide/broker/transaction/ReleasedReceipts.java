package dev.bolide.broker.transaction;

import dev.bolide.broker.retry.RetryCopy;
import dev.bolide.broker.retry.RetryTopics;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.xa.BranchReceipt;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages received in a prepared branch that rolls back, given back to their groups: each one
 * copied to {@code %RETRY%group} with its reconsume count + 1 (JMSXDeliveryCount + 1), due at once,
 * as RocketMQ's send-back stores a message a consumer gave up on. The original stays held from its
 * queue ({@link HeldReceipts}), so the copy is its one redelivery.
 */
final class ReleasedReceipts {
    private static final System.Logger LOG = System.getLogger(ReleasedReceipts.class.getName());

    private final MessageStore store;
    private final RetryTopics retryTopics;

    ReleasedReceipts(MessageStore store, RetryTopics retryTopics) {
        this.store = store;
        this.retryTopics = retryTopics;
    }

    /** The retry copies of the receipts whose messages the store still holds. */
    List<MessageToStore> copies(List<BranchReceipt> receipts) {
        List<MessageToStore> copies = new ArrayList<>();
        for (BranchReceipt receipt : receipts) {
            copy(receipt).ifPresentOrElse(copies::add, () -> LOG.log(System.Logger.Level.WARNING,
                    "the message received at {0} in a branch rolled back is gone (retention): not redelivered",
                    receipt));
        }
        return copies;
    }

    private Optional<MessageToStore> copy(BranchReceipt receipt) {
        try (GetMessageResult result = store.getMessages(receipt.topic(), receipt.queueId(), receipt.queueOffset(), 1,
                MessageFilter.ALL)) {
            if (result.messages().isEmpty()) {
                return Optional.empty();
            }
            ByteBuffer record = result.messages().get(0);
            MessageRecordView original = new MessageRecordView().wrap(record, record.position());
            if (original.queueOffset() != receipt.queueOffset()) {
                return Optional.empty();
            }
            TopicConfig retryTopic = retryTopics.retryTopicOf(receipt.group());
            // a branch request runs on the send lane's own thread, which may wait for the disk
            retryTopics.persisted(retryTopic.topicName()).join();
            Map<String, String> properties = RetryCopy.properties(original);
            // due now: a delay the message once had was served before its first delivery
            properties.remove(PropertyKeys.DELAY_TIME_LEVEL);
            return Optional.of(MessageToStore.copyOf(original, retryTopic.topicName(), 0)
                    .reconsumeTimes(original.reconsumeTimes() + 1).properties(properties).build());
        }
    }
}

package dev.bolide.broker.offset;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Consumer progress and queue bounds: QUERY_CONSUMER_OFFSET, UPDATE_CONSUMER_OFFSET,
 * GET_MIN_OFFSET, GET_MAX_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP and GET_EARLIEST_MSG_STORETIME.
 */
public final class ConsumerOffsetProcessor implements RequestProcessor {
    /** A young queue is read from its start by a new group when its first message is still this close to the head. */
    private static final double IN_MEMORY_RATIO = 0.4;

    private final MessageStore store;
    private final ConsumerOffsets offsets;
    private final long inMemoryBytes;

    public ConsumerOffsetProcessor(MessageStore store, ConsumerOffsets offsets) {
        this.store = store;
        this.offsets = offsets;
        this.inMemoryBytes = (long) (IN_MEMORY_RATIO * physicalMemory());
    }

    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        try {
            return CompletableFuture.completedFuture(answer(request));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null));
        }
    }

    private RemotingCommand answer(RemotingCommand request) {
        String topic = request.requiredField("topic");
        int queueId = request.intField("queueId");
        return switch (request.code()) {
            case RequestCode.QUERY_CONSUMER_OFFSET -> queryConsumerOffset(request, request.requiredField("consumerGroup"),
                    topic, queueId);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                offsets.commit(request.requiredField("consumerGroup"), topic, queueId, request.longField("commitOffset"));
                yield RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
            }
            case RequestCode.GET_MIN_OFFSET -> offset(request, store.minOffset(topic, queueId));
            case RequestCode.GET_MAX_OFFSET -> offset(request, store.maxOffset(topic, queueId));
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> offset(request,
                    store.offsetByTime(topic, queueId, request.longField("timestamp")));
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS,
                    null, Map.of("timestamp", Long.toString(earliestStoreTime(topic, queueId))), null);
            default -> throw new IllegalArgumentException("request code " + request.code() + " is not an offset request");
        };
    }

    /**
     * The stored offset; else 0 for a queue whose first message is still near the head of the
     * CommitLog (so a new group reads a young queue from its start); else QUERY_NOT_FOUND.
     */
    private RemotingCommand queryConsumerOffset(RemotingCommand request, String group, String topic, int queueId) {
        OptionalLong committed = offsets.committed(group, topic, queueId);
        if (committed.isPresent()) {
            return offset(request, committed.getAsLong());
        }
        if (store.minOffset(topic, queueId) <= 0 && firstMessageIsNearTheHead(topic, queueId)) {
            return offset(request, 0);
        }
        return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first", null, null);
    }

    private boolean firstMessageIsNearTheHead(String topic, int queueId) {
        try (GetMessageResult first = store.getMessages(topic, queueId, 0, 1, MessageFilter.ALL)) {
            if (first.messages().isEmpty()) {
                return true;
            }
            long physicalOffset = new MessageRecordView().wrap(first.messages().get(0), 0).physicalOffset();
            return store.commitLogMaxOffset() - physicalOffset <= inMemoryBytes;
        }
    }

    private long earliestStoreTime(String topic, int queueId) {
        try (GetMessageResult first = store.getMessages(topic, queueId, store.minOffset(topic, queueId), 1,
                MessageFilter.ALL)) {
            return first.messages().isEmpty() ? -1
                    : new MessageRecordView().wrap(first.messages().get(0), 0).storeTimestamp();
        }
    }

    private static RemotingCommand offset(RemotingCommand request, long offset) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, Map.of("offset", Long.toString(offset)),
                null);
    }
}

package dev.bolide.broker.query;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY_MESSAGE: records of a topic by key or unique id within a time range, at most
 * {@code maxNum} (32 for unique-key queries, never more than 64), concatenated; 22 when none.
 * VIEW_MESSAGE_BY_ID: the record at a CommitLog offset, or 1 when no record starts there.
 */
public final class QueryMessageProcessor implements RequestProcessor {
    private static final int UNIQUE_KEY_QUERY_MAX = 32;
    private static final int QUERY_MAX = 64;

    private final MessageStore store;

    public QueryMessageProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        RemotingCommand response;
        try {
            response = request.code() == RequestCode.QUERY_MESSAGE ? query(request) : view(request);
        } catch (IllegalArgumentException e) {
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand query(RemotingCommand request) {
        int maxNum = "true".equals(request.field("_UNIQUE_KEY_QUERY")) ? UNIQUE_KEY_QUERY_MAX
                : (int) Math.min(QUERY_MAX, request.longField("maxNum"));
        List<ByteBuffer> found = store.queryByKey(request.requiredField("topic"), request.requiredField("key"), maxNum,
                request.longField("beginTimestamp"), request.longField("endTimestamp"));
        if (found.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                    "can not find message, maybe time range not correct", null, null);
        }
        // the client reads both fields unboxed: they must be present
        Map<String, String> fields = Map.of("indexLastUpdateTimestamp", Long.toString(System.currentTimeMillis()),
                "indexLastUpdatePhyoffset", Long.toString(store.dispatchedOffset()));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, fields, concatenate(found));
    }

    private RemotingCommand view(RemotingCommand request) {
        long offset = request.longField("offset");
        ByteBuffer record = store.lookupMessage(offset);
        if (record == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "can not find message by the offset, " + offset, null, null);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, record.array());
    }

    private static byte[] concatenate(List<ByteBuffer> records) {
        ByteBuffer body = ByteBuffer.allocate(records.stream().mapToInt(ByteBuffer::remaining).sum());
        records.forEach(record -> body.put(record.duplicate()));
        return body.array();
    }
}

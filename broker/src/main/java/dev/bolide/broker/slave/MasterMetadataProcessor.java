package dev.bolide.broker.slave;

import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a master answers its slaves' {@link SlaveSynchronize} with, besides the topic and group
 * tables (GET_ALL_TOPIC_CONFIG and GET_ALL_SUBSCRIPTIONGROUP_CONFIG, which mqadmin uses too):
 * GET_ALL_CONSUMER_OFFSET, the consumer offset table, and GET_ALL_DELAY_OFFSET, the delay levels'
 * progress, each in its file's JSON form, as RocketMQ answers them.
 */
public final class MasterMetadataProcessor implements RequestProcessor {
    private final ConsumerOffsets offsets;
    private final Supplier<String> delayProgress;

    /** @param delayProgress the content of {@code delayOffset.json} as last written */
    public MasterMetadataProcessor(ConsumerOffsets offsets, Supplier<String> delayProgress) {
        this.offsets = offsets;
        this.delayProgress = delayProgress;
    }

    /** The request codes it serves. */
    public static int[] codes() {
        return new int[] {RequestCode.GET_ALL_CONSUMER_OFFSET, RequestCode.GET_ALL_DELAY_OFFSET};
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String content = request.code() == RequestCode.GET_ALL_CONSUMER_OFFSET ? offsets.serialize()
                : delayProgress.get();
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                content.getBytes(StandardCharsets.UTF_8)));
    }
}

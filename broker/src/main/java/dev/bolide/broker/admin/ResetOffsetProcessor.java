package dev.bolide.broker.admin;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (mqadmin {@code resetOffsetByTime}, {@code skipAccumulatedMessage}),
 * done by {@link OffsetReset}. With no live member the answer is CONSUMER_NOT_ONLINE: mqadmin then
 * rewrites the stored offsets itself (UPDATE_CONSUMER_OFFSET), as it does against RocketMQ.
 */
public final class ResetOffsetProcessor implements RequestProcessor {
    private final OffsetReset reset;

    public ResetOffsetProcessor(OffsetReset reset) {
        this.reset = reset;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        OffsetReset.Outcome outcome = reset.reset(request.requiredField("topic"), request.requiredField("group"),
                request.longField("timestamp"), Boolean.parseBoolean(request.field("isForce")));
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, outcome.code(), outcome.remark(),
                null, outcome.body()));
    }
}

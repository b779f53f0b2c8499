package dev.bolide.broker.send;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * The answer of a broker whose {@code brokerPermission} lacks the write bit (an operator took it
 * out of the producers' way) to sends and messages sent back: RocketMQ's {@code NO_PERMISSION}, "the
 * broker[ip] sending message is forbidden", given before anything else is checked, as RocketMQ does.
 */
public final class WriteForbidden implements RequestProcessor {
    private static final int[] CODES = {RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2,
        RequestCode.SEND_BATCH_MESSAGE, RequestCode.CONSUMER_SEND_MSG_BACK};

    private final String remark;

    /** @param brokerIP1 the broker's address, which the answer names */
    public WriteForbidden(String brokerIP1) {
        this.remark = "the broker[" + brokerIP1 + "] sending message is forbidden";
    }

    /** The request codes it answers. */
    public static int[] codes() {
        return CODES.clone();
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION, remark,
                null, null));
    }
}

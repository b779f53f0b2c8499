package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/** Handles the requests of one or more request codes. */
@FunctionalInterface
public interface RequestProcessor {
    /**
     * @param channel the connection the request came on (for processors that answer later or
     *                call the client back)
     * @return the response; a future completing with null means no response (oneway requests,
     *         or a processor that answers through the channel itself)
     */
    CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception;
}

package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;

/**
 * What a {@link RemotingClient} does with a request the server sends on its own (RocketMQ brokers
 * send NOTIFY_CONSUMER_IDS_CHANGED and CHECK_TRANSACTION_STATE this way). It runs on the I/O thread,
 * so it must hand long work to a thread of its own.
 */
@FunctionalInterface
public interface ServerRequestHandler {
    /** Answers every request that expects an answer with REQUEST_CODE_NOT_SUPPORTED. */
    ServerRequestHandler IGNORE = (server, request) -> UnsupportedRequest.answer(request);

    /**
     * @param server the {@code host:port} the connection was opened to
     * @return the response, or null for none (always ignored for oneway requests)
     */
    RemotingCommand handle(String server, RemotingCommand request);
}

package dev.bolide.remoting;

import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.SerializeType;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests a server sends to one of its clients and waits an answer for (RocketMQ brokers ask a
 * consumer for its running state, or to consume a message, this way): each waits under its own
 * opaque until the client's response with that opaque, the timeout, or the connection's close.
 */
final class ClientCalls {
    private final Map<Integer, CompletableFuture<RemotingCommand>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger opaques = new AtomicInteger();

    CompletableFuture<RemotingCommand> call(Channel client, int code, Map<String, String> fields, byte[] body,
            Duration timeout) {
        int opaque = opaques.incrementAndGet();
        CompletableFuture<RemotingCommand> response = new CompletableFuture<>();
        pending.put(opaque, response);
        var timer = client.eventLoop().schedule(() -> response.completeExceptionally(new TimeoutException(
                "no response from " + client.remoteAddress() + " to request " + code + " within "
                        + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
        GenericFutureListener<Future<Void>> closed = done -> response.completeExceptionally(
                new IOException("connection to " + client.remoteAddress() + " closed before the response came"));
        client.closeFuture().addListener(closed);
        response.whenComplete((answer, failure) -> {
            timer.cancel(false);
            client.closeFuture().removeListener(closed);
            pending.remove(opaque);
        });
        client.writeAndFlush(new RemotingCommand(code, LanguageCode.JAVA, RemotingCommand.BOLIDE_VERSION, opaque, 0,
                null, fields, body, SerializeType.JSON)).addListener(written -> {
                    if (!written.isSuccess()) {
                        response.completeExceptionally(new IOException("cannot write to " + client.remoteAddress(),
                                written.cause()));
                    }
                });
        return response;
    }

    /** @return whether a call was waiting for {@code response} */
    boolean answered(RemotingCommand response) {
        CompletableFuture<RemotingCommand> call = pending.get(response.opaque());
        return call != null && call.complete(response);
    }
}

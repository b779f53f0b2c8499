package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.remoting.RemotingClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * Requests over the shared {@link RemotingClient}, with the client's timeout and reconnect back-off;
 * every failure reaches the caller as a {@link RocketMqException} that names the server and request.
 */
final class Requests {
    private final RemotingClient remoting;
    private final Duration timeout;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private volatile BiConsumer<String, RocketMqException> lostListener = (address, failure) -> { };

    Requests(RemotingClient remoting, Duration timeout) {
        this.remoting = remoting;
        this.timeout = timeout;
    }

    /**
     * Calls {@code listener} (on the I/O thread) when a server that was reachable is no longer: the
     * first lost or refused connection since its last answer, not the failures that follow it.
     */
    void onLost(BiConsumer<String, RocketMqException> listener) {
        lostListener = listener;
    }

    Duration timeout() {
        return timeout;
    }

    /** Whether {@code address} is worth trying now (not waiting out a reconnect back-off). */
    boolean reachable(String address) {
        return backoff.mayTry(address);
    }

    /** How long until {@code address} may be tried again after failed connection attempts; zero when it may now. */
    Duration untilReachable(String address) {
        return backoff.wait(address);
    }

    CompletableFuture<RemotingCommand> call(String address, int code, Map<String, String> fields, byte[] body) {
        return call(address, code, fields, body, timeout);
    }

    CompletableFuture<RemotingCommand> call(String address, int code, Map<String, String> fields, byte[] body,
            Duration within) {
        if (!backoff.mayTry(address)) {
            return CompletableFuture.failedFuture(unreachable(address));
        }
        return remoting.invoke(address, code, fields, body, within).handle((response, failure) -> {
            if (failure == null) {
                backoff.succeeded(address);
                return response;
            }
            throw noResponse(address, code, failure);
        });
    }

    CompletableFuture<Void> oneway(String address, int code, Map<String, String> fields, byte[] body) {
        if (!backoff.mayTry(address)) {
            return CompletableFuture.failedFuture(unreachable(address));
        }
        return remoting.invokeOneway(address, code, fields, body).handle((written, failure) -> {
            if (failure != null) {
                throw noResponse(address, code, failure);
            }
            return null;
        });
    }

    private RocketMqException unreachable(String address) {
        return new RocketMqException("server " + address + " unreachable; next connection attempt in "
                + backoff.wait(address).toMillis() + " ms", new IOException("reconnect back-off"));
    }

    /** A lost or refused connection starts (or lengthens) the back-off; a timeout does not. */
    private RocketMqException noResponse(String address, int code, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        RocketMqException failed = new RocketMqException("request " + code + " to " + address + " failed: "
                + cause.getMessage(), cause);
        if (cause instanceof IOException && backoff.failed(address)) {
            lostListener.accept(address, failed);
        }
        return failed;
    }

    /** Throws {@link RocketMqException} unless the response has one of the {@code accepted} codes. */
    static RemotingCommand expect(RemotingCommand response, int... accepted) {
        for (int code : accepted) {
            if (response.code() == code) {
                return response;
            }
        }
        throw new RocketMqException(response.code(), "refused with code " + response.code() + ": "
                + response.remark());
    }

    /**
     * Waits for {@code future}, rethrowing its failure as it is (not wrapped).
     *
     * @throws IllegalStateException on the I/O thread, which would never see the response
     */
    <T> T await(CompletableFuture<T> future) {
        if (remoting.inIoThread()) {
            throw new IllegalStateException("a synchronous call from a stage completed on the I/O thread would "
                    + "never end: chain it with an *Async stage and an executor");
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw RocketMqException.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketMqException("interrupted while waiting for a response", e);
        }
    }
}

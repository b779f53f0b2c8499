package dev.bolide.client.rocketmq;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A request that failed: the broker or name server refused it ({@link #responseCode()} says how),
 * or no answer came (timeout, connection lost; the cause says which).
 */
public final class RocketMqException extends RuntimeException {
    /** {@link #responseCode()} when no response came. */
    public static final int NO_RESPONSE = -1;
    private final int responseCode;

    public RocketMqException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    public RocketMqException(String message, Throwable cause) {
        super(message, cause);
        this.responseCode = NO_RESPONSE;
    }

    /** The failure of a future as this type: unwrapped, or wrapped when it is something else. */
    public static RocketMqException of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException
                || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RocketMqException known ? known : new RocketMqException(cause.toString(), cause);
    }

    public int responseCode() {
        return responseCode;
    }
}

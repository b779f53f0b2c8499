package dev.bolide.client.rocketmq;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces out connection attempts to a server that could not be reached: after each failure the
 * next attempt waits twice as long (from {@link #FIRST} up to {@link #LONGEST}); a success resets
 * it. Until then requests to that server fail at once, so that senders pick another broker rather
 * than wait on a dead one.
 */
final class ReconnectBackoff {
    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofSeconds(5);

    private record Failures(int count, long retryAtNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Whether a connection attempt to {@code address} may be made now. */
    boolean mayTry(String address) {
        Failures f = failures.get(address);
        return f == null || System.nanoTime() - f.retryAtNanos >= 0;
    }

    /** How long until {@code address} may be tried; zero when it may now. */
    Duration wait(String address) {
        Failures f = failures.get(address);
        return f == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, f.retryAtNanos - System.nanoTime()));
    }

    /** @return true for the first failure since {@code address} last succeeded: it was reachable until now */
    boolean failed(String address) {
        Failures now = failures.compute(address, (key, previous) -> {
            int count = previous == null ? 1 : previous.count + 1;
            long delay = Math.min(LONGEST.toNanos(), FIRST.toNanos() << Math.min(count - 1, 20));
            return new Failures(count, System.nanoTime() + delay);
        });
        return now.count == 1;
    }

    void succeeded(String address) {
        failures.remove(address);
    }
}

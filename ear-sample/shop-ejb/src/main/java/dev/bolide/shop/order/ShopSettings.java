package dev.bolide.shop.order;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Run-time settings: how long a confirmed order may stay unpaid. From the system property
 * {@code shop.unpaidTimeout} or the environment variable {@code SHOP_UNPAID_TIMEOUT} (ISO-8601,
 * e.g. {@code PT15M}, {@code PT5S}), default 15 minutes; changeable while running (admin endpoint).
 */
@Singleton
@Lock(LockType.READ)
public class ShopSettings {
    static final Duration DEFAULT_UNPAID_TIMEOUT = Duration.ofMinutes(15);

    private volatile Duration unpaidTimeout = configuredUnpaidTimeout();

    public Duration unpaidTimeout() {
        return unpaidTimeout;
    }

    public void changeUnpaidTimeout(Duration timeout) {
        unpaidTimeout = checked(timeout);
    }

    private static Duration configuredUnpaidTimeout() {
        String text = System.getProperty("shop.unpaidTimeout", System.getenv("SHOP_UNPAID_TIMEOUT"));
        return text == null ? DEFAULT_UNPAID_TIMEOUT : parse(text);
    }

    /** Parses an ISO-8601 duration; a bad or non-positive one is refused with a message saying so. */
    public static Duration parse(String text) {
        try {
            return checked(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unpaid timeout must be an ISO-8601 duration such as PT15M, was '"
                    + text + "'", e);
        }
    }

    private static Duration checked(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("unpaid timeout must be positive, was " + timeout);
        }
        return timeout;
    }
}

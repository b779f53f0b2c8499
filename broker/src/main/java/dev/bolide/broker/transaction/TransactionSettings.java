package dev.bolide.broker.transaction;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * When and how often the broker checks back undecided transactions, under RocketMQ's
 * {@code broker.conf} keys and units (milliseconds).
 *
 * @param transactionTimeout       how old a half message must be before its first check-back, unless
 *                                 the message names its own {@code CHECK_IMMUNITY_TIME_IN_SECONDS}
 * @param transactionCheckInterval the time between two check passes, hence between two check-backs
 *                                 of one transaction
 * @param transactionCheckMax      how many check-backs a transaction gets before it is moved aside
 */
public record TransactionSettings(Duration transactionTimeout, Duration transactionCheckInterval,
        int transactionCheckMax) {
    /** RocketMQ's defaults: 6 s, 60 s, 15 times. */
    public static final TransactionSettings DEFAULTS = new TransactionSettings(Duration.ofSeconds(6),
            Duration.ofSeconds(60), 15);

    public TransactionSettings {
        if (transactionTimeout.isNegative()) {
            throw new IllegalArgumentException("transactionTimeout must not be negative");
        }
        if (transactionCheckInterval.isNegative() || transactionCheckInterval.isZero()) {
            throw new IllegalArgumentException("transactionCheckInterval must be positive");
        }
        if (transactionCheckMax < 0) {
            throw new IllegalArgumentException("transactionCheckMax must not be negative");
        }
    }

    /** The settings under their {@code broker.conf} keys, for GET_BROKER_CONFIG. */
    public Map<String, String> asProperties() {
        Map<String, String> properties = new TreeMap<>();
        properties.put("transactionTimeout", Long.toString(transactionTimeout.toMillis()));
        properties.put("transactionCheckInterval", Long.toString(transactionCheckInterval.toMillis()));
        properties.put("transactionCheckMax", Integer.toString(transactionCheckMax));
        return properties;
    }
}

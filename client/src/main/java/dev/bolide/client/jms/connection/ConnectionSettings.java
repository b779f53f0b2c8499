package dev.bolide.client.jms.connection;

import java.time.Duration;
import java.util.Properties;

/**
 * What a connection factory hands each connection, validated once.
 *
 * @param nameServers     {@code host:port} list separated by {@code ;}
 * @param clientId        the administratively configured client id, or null
 * @param requestTimeout  how long a request to the broker may wait for its answer
 * @param maxRedeliveries deliveries after the first before a message goes to the dead-letter queue
 *                        (RocketMQ's {@code maxReconsumeTimes}, default 16)
 */
public record ConnectionSettings(String nameServers, String clientId, Duration requestTimeout, int maxRedeliveries) {
    public static final int DEFAULT_MAX_REDELIVERIES = 16;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

    public ConnectionSettings {
        if (nameServers == null || nameServers.isBlank()) {
            throw new IllegalArgumentException("nameServers: no name server address given");
        }
        for (String address : nameServers.split(";")) {
            checkAddress(address.trim());
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, not " + requestTimeout);
        }
        if (maxRedeliveries < 0) {
            throw new IllegalArgumentException("maxRedeliveries must not be negative, not " + maxRedeliveries);
        }
    }

    /**
     * Reads {@code nameServers}, {@code clientId}, {@code requestTimeout} (milliseconds) and
     * {@code maxRedeliveries}; unknown keys are refused so that a misspelt one is noticed.
     */
    public static ConnectionSettings of(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (!key.equals("nameServers") && !key.equals("clientId") && !key.equals("requestTimeout")
                    && !key.equals("maxRedeliveries")) {
                throw new IllegalArgumentException("unknown connection property " + key
                        + " (known: nameServers, clientId, requestTimeout, maxRedeliveries)");
            }
        }
        String timeout = properties.getProperty("requestTimeout");
        String redeliveries = properties.getProperty("maxRedeliveries");
        return new ConnectionSettings(properties.getProperty("nameServers"), properties.getProperty("clientId"),
                timeout == null ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(number("requestTimeout", timeout)),
                redeliveries == null ? DEFAULT_MAX_REDELIVERIES : (int) number("maxRedeliveries", redeliveries));
    }

    private static long number(String key, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
        }
    }

    private static void checkAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("name server address '" + address + "' is not host:port");
        }
        long port = number("name server port", address.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("name server port out of range in '" + address + "'");
        }
    }
}

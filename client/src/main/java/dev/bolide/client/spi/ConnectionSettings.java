package dev.bolide.client.spi;

import dev.bolide.client.jms.SendOrder;
import dev.bolide.remoting.ClientTlsConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a connection factory hands each connection, validated once.
 *
 * @param nameServers     {@code host:port} list separated by {@code ;}
 * @param clientId        the administratively configured client id, or null
 * @param requestTimeout  how long a request to the broker may wait for its answer
 * @param maxRedeliveries deliveries after the first before a message goes to the dead-letter queue
 *                        (RocketMQ's {@code maxReconsumeTimes}, default 16)
 * @param tls             TLS on every connection to name servers and brokers; null: plain connections
 * @param sendOrder       how a session's messages to a destination are spread over its queues
 */
public record ConnectionSettings(String nameServers, String clientId, Duration requestTimeout, int maxRedeliveries,
        ClientTlsConfig tls, SendOrder sendOrder) {
    public static final int DEFAULT_MAX_REDELIVERIES = 16;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** RocketMQ's {@code ClientConfig.useTLS}: whether connections use TLS (default false, as RocketMQ's). */
    public static final String USE_TLS = "useTLS";
    /** The certificates a broker's must chain to (PEM); none: the JDK's trust store. */
    public static final String TLS_TRUST_CERT_PATH = "tlsTrustCertPath";
    /**
     * Whether any broker certificate is accepted, as RocketMQ's client does by default (test mode): for
     * tests and self-signed brokers. Bolide's default is false: the broker is verified.
     */
    public static final String TLS_TRUST_ANY_SERVER = "tlsTrustAnyServer";
    /** The client's certificate chain (PEM), for brokers with {@code tls.server.need.client.auth}. */
    public static final String TLS_CERT_PATH = "tlsCertPath";
    /** Its private key (PKCS#8 PEM, unencrypted). */
    public static final String TLS_KEY_PATH = "tlsKeyPath";
    /** {@link SendOrder}: {@code PER_SESSION} (default) or {@code SPREAD}. */
    public static final String SEND_ORDER = "sendOrder";
    private static final Set<String> KEYS = Set.of("nameServers", "clientId", "requestTimeout", "maxRedeliveries",
            USE_TLS, TLS_TRUST_CERT_PATH, TLS_TRUST_ANY_SERVER, TLS_CERT_PATH, TLS_KEY_PATH, SEND_ORDER);

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
        if (sendOrder == null) {
            throw new IllegalArgumentException("sendOrder is missing");
        }
    }

    /** Settings with the default {@link SendOrder}. */
    public ConnectionSettings(String nameServers, String clientId, Duration requestTimeout, int maxRedeliveries,
            ClientTlsConfig tls) {
        this(nameServers, clientId, requestTimeout, maxRedeliveries, tls, SendOrder.DEFAULT);
    }

    /** Settings over plain connections. */
    public ConnectionSettings(String nameServers, String clientId, Duration requestTimeout, int maxRedeliveries) {
        this(nameServers, clientId, requestTimeout, maxRedeliveries, null);
    }

    /**
     * Reads {@code nameServers}, {@code clientId}, {@code requestTimeout} (milliseconds),
     * {@code maxRedeliveries}, {@link #SEND_ORDER} and the TLS keys ({@link #USE_TLS} and the {@code tls*} ones); unknown
     * keys are refused so that a misspelt one is noticed.
     */
    public static ConnectionSettings of(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown connection property " + key + " (known: "
                        + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        String timeout = properties.getProperty("requestTimeout");
        String redeliveries = properties.getProperty("maxRedeliveries");
        String sendOrder = properties.getProperty(SEND_ORDER);
        return new ConnectionSettings(properties.getProperty("nameServers"), properties.getProperty("clientId"),
                timeout == null ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(number("requestTimeout", timeout)),
                redeliveries == null ? DEFAULT_MAX_REDELIVERIES : (int) number("maxRedeliveries", redeliveries),
                ClientTlsConfig.of(bool(properties, USE_TLS), properties.getProperty(TLS_TRUST_CERT_PATH),
                        bool(properties, TLS_TRUST_ANY_SERVER), properties.getProperty(TLS_CERT_PATH),
                        properties.getProperty(TLS_KEY_PATH)),
                sendOrder == null ? SendOrder.DEFAULT : SendOrder.of(sendOrder));
    }

    /** Absent: false; anything but true or false is refused (a misspelt "true" must not mean plain). */
    private static boolean bool(Properties properties, String key) {
        String text = properties.getProperty(key);
        if (text == null) {
            return false;
        }
        if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text.trim());
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

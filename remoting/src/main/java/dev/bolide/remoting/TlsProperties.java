package dev.bolide.remoting;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * RocketMQ 4.9's TLS keys ({@code TlsSystemConfig}), read as RocketMQ reads them: JVM system
 * properties, overridden by the properties file {@code tls.config.file} (default
 * {@code /etc/rocketmq/tls.properties}, skipped when absent) for every key but {@code tls.server.mode}
 * and {@code tls.enable}; and, for Bolide, overridden in turn by the keys a caller gives explicitly
 * (the broker's {@code broker.conf}).
 *
 * <p>Where Bolide differs, it fails closed: an unknown mode or client-auth value, or a boolean that
 * is not {@code true}/{@code false}, is an error, not RocketMQ's permissive default; a
 * {@code tls.config.file} named explicitly must exist. Bolide's defaults: {@code tls.server.mode =
 * disabled} and {@code tls.test.mode.enable = false} (see {@link #DEFAULT_MODE}).
 */
public final class TlsProperties {
    public static final String SERVER_MODE = "tls.server.mode";
    public static final String ENABLE = "tls.enable";
    public static final String CONFIG_FILE = "tls.config.file";
    public static final String TEST_MODE_ENABLE = "tls.test.mode.enable";
    public static final String SERVER_NEED_CLIENT_AUTH = "tls.server.need.client.auth";
    public static final String SERVER_KEY_PATH = "tls.server.keyPath";
    public static final String SERVER_KEY_PASSWORD = "tls.server.keyPassword";
    public static final String SERVER_CERT_PATH = "tls.server.certPath";
    public static final String SERVER_AUTH_CLIENT = "tls.server.authClient";
    public static final String SERVER_TRUST_CERT_PATH = "tls.server.trustCertPath";
    public static final String CLIENT_KEY_PATH = "tls.client.keyPath";
    public static final String CLIENT_KEY_PASSWORD = "tls.client.keyPassword";
    public static final String CLIENT_CERT_PATH = "tls.client.certPath";
    public static final String CLIENT_AUTH_SERVER = "tls.client.authServer";
    public static final String CLIENT_TRUST_CERT_PATH = "tls.client.trustCertPath";
    /** RocketMQ's. */
    public static final String DEFAULT_CONFIG_FILE = "/etc/rocketmq/tls.properties";
    /**
     * Bolide's, where RocketMQ's is permissive with a self-signed test certificate: Netty cannot make
     * that certificate on Java 17 without BouncyCastle (RocketMQ 4.9.7 on Java 17 logs "Failed to
     * create SSLContext" and closes every TLS handshake, serving plain connections only), and a
     * certificate any client accepts authenticates nobody. Plain 4.9 clients, the default, are served.
     */
    public static final TlsMode DEFAULT_MODE = TlsMode.DISABLED;
    /** The keys RocketMQ reads from the system properties only, never from {@code tls.config.file}. */
    private static final Set<String> NOT_IN_CONFIG_FILE = Set.of(SERVER_MODE, ENABLE);

    private final UnaryOperator<String> values;

    private TlsProperties(UnaryOperator<String> values) {
        this.values = values;
    }

    /** The JVM's system properties and the {@code tls.config.file} they name. */
    public static TlsProperties fromSystemProperties() {
        return read(key -> null, System::getProperty);
    }

    /**
     * @param explicit         values that win over everything (null: not given)
     * @param systemProperties the JVM's system properties, or a stand-in
     * @throws IllegalArgumentException when {@code tls.config.file} is named but cannot be read
     */
    public static TlsProperties read(UnaryOperator<String> explicit, UnaryOperator<String> systemProperties) {
        String named = first(CONFIG_FILE, explicit, systemProperties);
        Properties file = configFile(named == null ? DEFAULT_CONFIG_FILE : named, named != null);
        return new TlsProperties(key -> {
            String value = explicit.apply(key);
            if (value == null && !NOT_IN_CONFIG_FILE.contains(key)) {
                value = file.getProperty(key);
            }
            return value == null ? systemProperties.apply(key) : value;
        });
    }

    private static String first(String key, UnaryOperator<String> explicit, UnaryOperator<String> systemProperties) {
        String value = explicit.apply(key);
        return value == null ? systemProperties.apply(key) : value;
    }

    private static Properties configFile(String path, boolean named) {
        Properties properties = new Properties();
        Path file = Path.of(path);
        if (!named && !Files.isReadable(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(TlsFiles.readable(CONFIG_FILE, file).toPath(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(CONFIG_FILE + " = " + path + ": " + TlsFiles.oneLine(e), e);
        }
        return properties;
    }

    /** The server side: {@code tls.server.*} and {@code tls.test.mode.enable}. */
    public ServerTlsConfig server() {
        return new ServerTlsConfig(mode(), path(SERVER_CERT_PATH), path(SERVER_KEY_PATH),
                values.apply(SERVER_KEY_PASSWORD), parsed(SERVER_NEED_CLIENT_AUTH, ClientAuthentication::parse,
                        ClientAuthentication.NONE), bool(SERVER_AUTH_CLIENT, false), path(SERVER_TRUST_CERT_PATH),
                bool(TEST_MODE_ENABLE, false));
    }

    public TlsMode mode() {
        return parsed(SERVER_MODE, TlsMode::parse, DEFAULT_MODE);
    }

    /**
     * {@code tls.enable}: whether a server's own client (a broker's to its name servers) uses TLS; as
     * in RocketMQ's BrokerStartup, by default when the server enforces TLS itself.
     */
    public boolean clientEnabled() {
        return bool(ENABLE, mode() == TlsMode.ENFORCING);
    }

    /**
     * The client side: {@code tls.client.*}. As RocketMQ, a client verifies the server's certificate
     * only with {@code tls.client.authServer = true} and outside test mode.
     */
    public ClientTlsConfig client() {
        boolean trustAny = bool(TEST_MODE_ENABLE, false) || !bool(CLIENT_AUTH_SERVER, false);
        return new ClientTlsConfig(trustAny, path(CLIENT_TRUST_CERT_PATH), path(CLIENT_CERT_PATH),
                path(CLIENT_KEY_PATH), values.apply(CLIENT_KEY_PASSWORD));
    }

    private Path path(String key) {
        String value = values.apply(key);
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    private boolean bool(String key, boolean absent) {
        return parsed(key, text -> {
            if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not true or false");
            }
            return Boolean.parseBoolean(text.trim());
        }, absent);
    }

    private <T> T parsed(String key, Function<String, T> parser, T absent) {
        String value = values.apply(key);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " = '" + value.trim() + "': " + e.getMessage(), e);
        }
    }
}

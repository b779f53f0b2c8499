package dev.bolide.broker.launcher;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A name server's {@code namesrv.conf}: its port under RocketMQ's key {@code listenPort} (or
 * {@code namesrvListenPort}, the key a Bolide {@code broker.conf} gives its embedded name server),
 * by default RocketMQ's 9876. Other keys of a RocketMQ namesrv.conf are reported, not ignored.
 */
final class NamesrvConfigFile {
    /** RocketMQ's default name server port. */
    static final int DEFAULT_PORT = 9876;
    private static final List<String> PORT_KEYS = List.of("listenPort", "namesrvListenPort");
    private static final int MAX_PORT = 65_535;

    private final int listenPort;
    private final List<String> unusedKeys;

    private NamesrvConfigFile(int listenPort, List<String> unusedKeys) {
        this.listenPort = listenPort;
        this.unusedKeys = unusedKeys;
    }

    /** @throws IllegalArgumentException naming the key whose value is not a port */
    static NamesrvConfigFile from(Properties properties) {
        int port = DEFAULT_PORT;
        for (String key : PORT_KEYS) {
            String value = properties.getProperty(key);
            if (value != null) {
                port = port(key, value.trim());
            }
        }
        TreeSet<String> unused = new TreeSet<>(properties.stringPropertyNames());
        PORT_KEYS.forEach(unused::remove);
        return new NamesrvConfigFile(port, List.copyOf(unused));
    }

    private static int port(String key, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException("namesrv.conf: " + key + " must be a port (0 to " + MAX_PORT
                + "), not '" + value + "'");
    }

    int listenPort() {
        return listenPort;
    }

    List<String> unusedKeys() {
        return unusedKeys;
    }

    /** What {@code mqnamesrv -p} prints. */
    Map<String, String> asProperties() {
        return Map.of("listenPort", Integer.toString(listenPort));
    }
}

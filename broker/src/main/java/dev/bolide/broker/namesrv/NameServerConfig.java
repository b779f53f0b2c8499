package dev.bolide.broker.namesrv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The name server's settings as GET_NAMESRV_CONFIG shows them and UPDATE_NAMESRV_CONFIG changes
 * them ({@code mqadmin getNamesrvConfig}, {@code updateNamesrvConfig}), under RocketMQ's key names.
 * Only the keys Bolide's name server honours are listed; of them only {@code orderMessageEnable}
 * changes at run time (routes then carry the topic's order configuration). As in RocketMQ, a
 * change lasts until the name server stops.
 */
final class NameServerConfig {
    static final String ORDER_MESSAGE_ENABLE = "orderMessageEnable";
    private static final String KV_CONFIG_PATH = "kvConfigPath";
    private static final String LISTEN_PORT = "listenPort";

    private final String kvConfigPath;
    private volatile int listenPort;
    /** RocketMQ's default: routes do not carry the order configuration. */
    private volatile boolean orderMessageEnable;

    NameServerConfig(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    void listenPort(int port) {
        listenPort = port;
    }

    boolean orderMessageEnable() {
        return orderMessageEnable;
    }

    /** The settings by RocketMQ key, in a stable order. */
    Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(KV_CONFIG_PATH, kvConfigPath);
        properties.put(LISTEN_PORT, Integer.toString(listenPort));
        properties.put(ORDER_MESSAGE_ENABLE, Boolean.toString(orderMessageEnable));
        return properties;
    }

    /**
     * Applies every change or none.
     *
     * @throws IllegalArgumentException naming the first key that is unknown, fixed or badly valued
     */
    synchronized void update(Map<String, String> changes) {
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!change.getKey().equals(ORDER_MESSAGE_ENABLE)) {
                throw new IllegalArgumentException(change.getKey() + " cannot be changed on Bolide's name server"
                        + (asProperties().containsKey(change.getKey()) ? " while it runs" : " (unknown key)")
                        + "; only " + ORDER_MESSAGE_ENABLE + " can");
            }
            if (!change.getValue().equals("true") && !change.getValue().equals("false")) {
                throw new IllegalArgumentException(ORDER_MESSAGE_ENABLE + " must be true or false, not '"
                        + change.getValue() + "'");
            }
        }
        changes.values().forEach(value -> orderMessageEnable = Boolean.parseBoolean(value));
    }
}

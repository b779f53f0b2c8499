package dev.bolide.broker.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The keys of an Apache RocketMQ 4.9 broker's configuration with RocketMQ's defaults, so that a key
 * Bolide does not read can be told from a typo, and tools that read GET_BROKER_CONFIG find every key.
 */
public final class RocketMqDefaults {
    private static final String RESOURCE = "rocketmq-broker-defaults.properties";
    private static final String CONFIG_BLACK_LIST = "configBlackList";
    /**
     * Keys the resource leaves out: RocketMQ derives the first four from the machine, has no value
     * for the next four unless configured (so its GET_BROKER_CONFIG leaves them out too), and
     * {@code configBlackList} came with 4.9.8, after the 4.9.7 the resource was made from.
     */
    private static final Set<String> KEYS_WITHOUT_DEFAULT = Set.of("brokerIP1", "brokerIP2", "brokerName",
            "storePathRootDir", "namesrvAddr", "storePathCommitLog", "rocketmqHome", "haMasterAddress",
            CONFIG_BLACK_LIST);
    private static final Map<String, String> DEFAULTS = load();

    private RocketMqDefaults() {
    }

    /** Whether an Apache RocketMQ 4.9 broker reads {@code key}. */
    public static boolean isRocketMqKey(String key) {
        return DEFAULTS.containsKey(key) || KEYS_WITHOUT_DEFAULT.contains(key);
    }

    /**
     * RocketMQ's keys that Bolide does not read, with RocketMQ's defaults; {@code brokerIP2} is the
     * broker's {@code brokerIP1}, as RocketMQ's default makes it, and {@code configBlackList} (4.9.8:
     * the keys UPDATE_BROKER_CONFIG refuses) lists the settings that are not
     * {@linkplain Setting#updatable() updatable}.
     */
    public static Map<String, String> notReadByBolide(String brokerIP1) {
        Map<String, String> unread = new TreeMap<>(DEFAULTS);
        unread.put("brokerIP2", brokerIP1);
        unread.put(CONFIG_BLACK_LIST, Settings.ALL.stream().filter(setting -> !setting.updatable())
                .map(Setting::name).collect(Collectors.joining(";")));
        unread.keySet().removeIf(key -> Settings.named(key).isPresent());
        return unread;
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = RocketMqDefaults.class.getResourceAsStream(RESOURCE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the broker jar lacks " + RESOURCE, e);
        }
        Map<String, String> defaults = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> defaults.put(key, properties.getProperty(key)));
        return Map.copyOf(defaults);
    }
}

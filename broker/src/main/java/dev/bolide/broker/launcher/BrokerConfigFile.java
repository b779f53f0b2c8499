package dev.bolide.broker.launcher;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.RocketMqDefaults;
import dev.bolide.broker.config.Setting;
import dev.bolide.broker.config.Settings;
import dev.bolide.remoting.TlsProperties;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A RocketMQ {@code broker.conf} (Java properties) read through the registry of {@link Settings},
 * key for key with RocketMQ's names, units and defaults. A value that does not parse is an error
 * naming its key, its value and what was expected; a key the broker does not read is reported,
 * never silently dropped, and told apart from a key that RocketMQ does not know either.
 */
public final class BrokerConfigFile {
    private static final String TLS_KEYS = "tls.";
    private final BrokerSettings settings;
    private final List<String> unusedKeys;

    private BrokerConfigFile(BrokerSettings settings, List<String> unusedKeys) {
        this.settings = settings;
        this.unusedKeys = unusedKeys;
    }

    public static BrokerConfigFile load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return from(properties);
    }

    /**
     * @throws IllegalArgumentException a one-line message naming the key, for a value that does not
     *                                  parse or values that do not fit together
     */
    public static BrokerConfigFile from(Properties properties) {
        BrokerSettings.Builder builder = BrokerSettings.builder();
        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key);
            Settings.named(key).ifPresentOrElse(setting -> set(builder, setting, key, value), () -> unused.add(key));
        }
        try {
            return new BrokerConfigFile(builder.build(), List.copyOf(unused));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker.conf: " + e.getMessage(), e);
        }
    }

    private static <T> void set(BrokerSettings.Builder builder, Setting<T> setting, String key, String value) {
        try {
            builder.set(setting, setting.type().parse(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("broker.conf: " + key + " = '" + value.trim() + "': " + e.getMessage()
                    + " (expected: " + setting.type().unit() + ")", e);
        }
    }

    /**
     * Why {@code key} is not used: a TLS key broker.conf does not carry (the key password, kept out of
     * what GET_BROKER_CONFIG lists, and the {@code tls.client.*} keys), a RocketMQ key Bolide does
     * not read, or no key at all (a typo?).
     */
    public static String whyUnused(String key) {
        if (key.startsWith(TLS_KEYS)) {
            return "a TLS key read only as -D" + key + " or from " + TlsProperties.CONFIG_FILE;
        }
        return RocketMqDefaults.isRocketMqKey(key) ? "a RocketMQ 4.9 key that Bolide does not use"
                : "not a key of RocketMQ 4.9 nor of Bolide";
    }

    public StoreConfig storeConfig() {
        return settings.storeConfig();
    }

    public BrokerSettings brokerSettings() {
        return settings;
    }

    /** Keys of the file that nothing in this build uses (yet), in name order. */
    public List<String> unusedKeys() {
        return unusedKeys;
    }
}

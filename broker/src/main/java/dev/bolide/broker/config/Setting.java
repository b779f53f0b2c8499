package dev.bolide.broker.config;

import dev.bolide.store.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One {@code broker.conf} key: its name, type and default, declared once in {@link Settings}.
 *
 * @param name       the key Bolide documents and writes
 * @param aliases    other spellings it reads, RocketMQ's where they differ ({@code transactionTimeOut},
 *                   the older {@code mapedFileSizeCommitLog})
 * @param type       syntax and unit of the value
 * @param defaultValue the value when the key is absent; null where the broker derives it at start (named in {@code doc})
 * @param feature    the part of the broker that reads it
 * @param origin     whose key it is
 * @param updatable  whether UPDATE_BROKER_CONFIG may change it; keys that decide where data lives, how it
 *                   is laid out on disk or who the broker is change only by editing the file
 * @param atOnce     whether such a change also applies at once, in the running broker, rather than from
 *                   the next start
 * @param doc        one line for the README and the docs
 * @param store      where the value goes in the store's configuration; null for keys the store does not read
 */
public record Setting<T>(String name, List<String> aliases, SettingType<T> type, T defaultValue, Feature feature,
        Origin origin, boolean updatable, boolean atOnce, String doc, BiConsumer<StoreConfig.Builder, T> store) {

    public Setting {
        aliases = List.copyOf(aliases);
    }

    static <T> Setting<T> of(String name, SettingType<T> type, T defaultValue, Feature feature, String doc) {
        return new Setting<>(name, List.of(), type, defaultValue, feature, Origin.ROCKETMQ_4, false, false, doc, null);
    }

    /** This setting, also read under {@code alias}. */
    Setting<T> alias(String alias) {
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return new Setting<>(name, more, type, defaultValue, feature, origin, updatable, atOnce, doc, store);
    }

    /** This setting, one that UPDATE_BROKER_CONFIG may change, from the next start. */
    Setting<T> allowUpdate() {
        return new Setting<>(name, aliases, type, defaultValue, feature, origin, true, false, doc, store);
    }

    /** This setting, one that UPDATE_BROKER_CONFIG changes in the running broker too. */
    Setting<T> allowUpdateAtOnce() {
        return new Setting<>(name, aliases, type, defaultValue, feature, origin, true, true, doc, store);
    }

    Setting<T> from(Origin newOrigin) {
        return new Setting<>(name, aliases, type, defaultValue, feature, newOrigin, updatable, atOnce, doc, store);
    }

    /** This setting, passed on to the store's configuration by {@code setter}. */
    Setting<T> intoStore(BiConsumer<StoreConfig.Builder, T> setter) {
        return new Setting<>(name, aliases, type, defaultValue, feature, origin, updatable, atOnce, doc, setter);
    }

    /** A setting is its key: names are unique in the registry (and the other parts hold lambdas). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Setting<?> setting && setting.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** Whether {@code key} names this setting, by its name or an alias. */
    public boolean isNamed(String key) {
        return name.equals(key) || aliases.contains(key);
    }
}

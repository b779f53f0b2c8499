package dev.bolide.broker.launcher;

import dev.bolide.broker.admin.BrokerConfigUpdate;
import dev.bolide.broker.config.Setting;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves configuration changes into the {@code broker.conf} the broker was started from. Changes
 * are checked as the launcher would read them (unknown keys, keys the registry does not mark
 * {@linkplain Setting#updatable() updatable} and bad values are refused, nothing is written); the file keeps its comments and order, changed keys are rewritten in place and new ones
 * appended. Written like the metadata files: a temporary file renamed over it, the old one kept as
 * {@code .bak}.
 */
final class ConfigFileUpdate implements BrokerConfigUpdate {
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:\\s]");

    private final Path file;

    ConfigFileUpdate(Path file) {
        this.file = file;
    }

    @Override
    public synchronized String save(Map<String, String> changes) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        check(text, changes);
        new MetadataFile(file).store(rewrite(text, changes));
        return file.toString();
    }

    private static void check(String text, Map<String, String> changes) throws IOException {
        for (String key : changes.keySet()) {
            Setting<?> setting = Settings.named(key).orElseThrow(() -> new IllegalArgumentException(
                    "not a key this broker reads: " + key + " (" + BrokerConfigFile.whyUnused(key) + ")"));
            if (!setting.updatable()) {
                throw new IllegalArgumentException(key + " cannot be changed by updateBrokerConfig, only by editing "
                        + "the broker's broker.conf: it decides who the broker is, where its data lives or how it is "
                        + "laid out");
            }
        }
        Properties merged = new Properties();
        merged.load(new StringReader(text));
        merged.putAll(changes);
        BrokerConfigFile.from(merged);
    }

    private static String rewrite(String text, Map<String, String> changes) {
        Map<String, String> pending = new LinkedHashMap<>(changes);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher key = KEY_LINE.matcher(line);
            if (key.find() && pending.containsKey(key.group(1))) {
                out.append(key.group(1)).append(" = ").append(pending.remove(key.group(1)));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        pending.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }
}

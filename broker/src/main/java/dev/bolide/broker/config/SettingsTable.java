package dev.bolide.broker.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The README's table of settings, written from the registry so that the two cannot disagree. */
public final class SettingsTable {
    private SettingsTable() {
    }

    /** Markdown: one section per {@link Feature}, one row per setting. */
    public static String markdown() {
        return Arrays.stream(Feature.values()).map(SettingsTable::section).collect(Collectors.joining("\n"));
    }

    private static String section(Feature feature) {
        StringBuilder text = new StringBuilder("**").append(feature.title()).append("**\n\n")
                .append("| key | default | unit | key of | updateBrokerConfig | meaning |\n")
                .append("|---|---|---|---|---|---|\n");
        Settings.ALL.stream().filter(setting -> setting.feature() == feature)
                .forEach(setting -> text.append(row(setting)));
        return text.toString();
    }

    private static <T> String row(Setting<T> setting) {
        String name = "`" + setting.name() + "`" + setting.aliases().stream().map(alias -> " (`" + alias + "`)")
                .collect(Collectors.joining());
        String written = setting.defaultValue() == null ? "" : setting.type().write(setting.defaultValue());
        String fallback = setting.defaultValue() == null ? "derived" : written.isEmpty() ? "none" : "`" + written + "`";
        return "| " + String.join(" | ", name, fallback, setting.type().unit(), setting.origin().label(),
                setting.atOnce() ? "yes, at once" : setting.updatable() ? "yes" : "no", setting.doc()) + " |\n";
    }
}

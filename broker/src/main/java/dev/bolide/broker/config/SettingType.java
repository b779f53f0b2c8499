package dev.bolide.broker.config;

import dev.bolide.broker.schedule.DelayLevels;
import dev.bolide.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * How a value is written in {@code broker.conf}: RocketMQ's syntax and unit for it.
 *
 * @param unit   what the text means, for documentation and for errors ("milliseconds")
 * @param parser text to value; throws {@link IllegalArgumentException} saying what is wrong
 * @param writer value to the text {@code parser} reads back
 */
public record SettingType<T>(String unit, Function<String, T> parser, Function<T, String> writer) {
    public static final SettingType<String> TEXT = new SettingType<>("text", text -> text, text -> text);
    public static final SettingType<Integer> INTEGER = new SettingType<>("whole number", SettingType::integer,
            String::valueOf);
    public static final SettingType<Long> LONG = new SettingType<>("whole number", SettingType::wholeLong,
            String::valueOf);
    public static final SettingType<Integer> BYTES = new SettingType<>("bytes", SettingType::integer, String::valueOf);
    public static final SettingType<Integer> PORT = new SettingType<>("port", SettingType::port, String::valueOf);
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("true or false", SettingType::bool,
            String::valueOf);
    public static final SettingType<Duration> MILLISECONDS = new SettingType<>("milliseconds",
            text -> Duration.ofMillis(wholeLong(text)), duration -> Long.toString(duration.toMillis()));
    public static final SettingType<Duration> HOURS = new SettingType<>("hours",
            text -> Duration.ofHours(wholeLong(text)), duration -> Long.toString(duration.toHours()));
    public static final SettingType<Double> PERCENT = new SettingType<>("percent of the disk",
            text -> integer(text) / 100.0, ratio -> Long.toString(Math.round(ratio * 100)));
    public static final SettingType<Path> DIRECTORY = new SettingType<>("directory", Path::of, Path::toString);
    public static final SettingType<Path> FILE = new SettingType<>("file", Path::of, Path::toString);
    public static final SettingType<Set<Integer>> HOURS_OF_DAY = new SettingType<>("hours of the day, 0..23, "
            + "separated by ;", SettingType::hoursOfDay, hours -> hours.stream().sorted()
                    .map(hour -> String.format(Locale.ROOT, "%02d", hour)).collect(Collectors.joining(";")));
    public static final SettingType<List<String>> NAME_SERVERS = new SettingType<>("host:port;host:port",
            SettingType::nameServers, addresses -> String.join(";", addresses));
    public static final SettingType<DelayLevels> DELAY_LEVELS = new SettingType<>("durations such as 1s 5m 2h, "
            + "separated by spaces", DelayLevels::parse, DelayLevels::toString);
    public static final SettingType<FlushDiskType> FLUSH_DISK_TYPE = enumeration(FlushDiskType.class);

    /** One of the constants of {@code type}, written as RocketMQ writes it (any case accepted). */
    public static <E extends Enum<E>> SettingType<E> enumeration(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        String unit = "one of " + String.join(", ", names);
        return new SettingType<>(unit, text -> {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no such value");
            }
        }, Enum::name);
    }

    /** This type, each value it reads passed through {@code adjust} (RocketMQ clamps some settings). */
    public SettingType<T> adjusted(UnaryOperator<T> adjust) {
        return new SettingType<>(unit, parser.andThen(adjust), writer);
    }

    public T parse(String text) {
        return parser.apply(text.trim());
    }

    public String write(T value) {
        return writer.apply(value);
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static long wholeLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    /** A port, or 0 for any free one; -1 where a setting allows "none" is checked by that setting. */
    private static int port(String text) {
        int port = integer(text);
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("not a port (0..65535)");
        }
        return port;
    }

    private static boolean bool(String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("not true or false");
        }
        return Boolean.parseBoolean(text);
    }

    /** RocketMQ's syntax: {@code "04"} or {@code "02;14"}. */
    private static Set<Integer> hoursOfDay(String text) {
        Set<Integer> hours = new TreeSet<>();
        for (String hour : text.split(";")) {
            int parsed;
            try {
                parsed = Integer.parseInt(hour.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + hour.trim() + "' is not an hour");
            }
            if (parsed < 0 || parsed > 23) {
                throw new IllegalArgumentException("hour " + parsed + " is not within 0..23");
            }
            hours.add(parsed);
        }
        return hours;
    }

    /** {@code host:port;host:port}, as RocketMQ writes name server lists; blank entries are skipped. */
    private static List<String> nameServers(String text) {
        List<String> addresses = new ArrayList<>();
        for (String address : text.split(";")) {
            String trimmed = address.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
                throw new IllegalArgumentException("'" + trimmed + "' is not host:port");
            }
            addresses.add(trimmed);
        }
        return List.copyOf(addresses);
    }

    private static boolean isPort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

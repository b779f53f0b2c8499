package dev.bolide.remoting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** RocketMQ writes its TLS choices in lower case ({@code enforcing}, {@code require}); any case is read. */
final class RocketMqSpelling {
    private RocketMqSpelling() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException "not a, b or c", for a value that names no constant */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        List<E> constants = Arrays.asList(type.getEnumConstants());
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        List<String> names = constants.stream().map(RocketMqSpelling::of).toList();
        throw new IllegalArgumentException("not " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1));
    }
}

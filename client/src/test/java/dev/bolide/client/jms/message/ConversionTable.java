package dev.bolide.client.jms.message;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A conversion table of the specification as test cases: a sample value per row type, and for
 * each row the column types that may read it. The expected value of an allowed cell is computed
 * by hand through the sample's text.
 */
record ConversionTable(Map<String, Object> samples, Map<String, Set<String>> allowed,
        List<String> columns) {

    /** (row type, column type, allowed) for every cell. */
    Stream<Arguments> cells() {
        return samples.keySet().stream().flatMap(row -> columns.stream()
                .map(column -> Arguments.of(row, column, allowed.get(row).contains(column))));
    }

    Object expected(String row, String column) {
        Object sample = samples.get(row);
        return sample instanceof Boolean && !column.equals("String") ? sample
                : parse(sample.toString(), column);
    }

    private static Object parse(String text, String type) {
        return switch (type) {
            case "boolean" -> Boolean.valueOf(text);
            case "byte" -> Byte.valueOf(text);
            case "short" -> Short.valueOf(text);
            case "int" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "float" -> Float.valueOf(text);
            case "double" -> Double.valueOf(text);
            default -> text;
        };
    }
}

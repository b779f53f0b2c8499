package dev.bolide.client.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The property conversion table of the specification (section 3.5.4), cell by cell. */
class PropertyConversionTest {
    /** Rows: the type a property was set as; columns: the getters that may read it. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String"));

    private static final Map<String, Object> SAMPLES = Map.of("boolean", true, "byte", (byte) 7,
            "short", (short) 7, "int", 7, "long", 7L, "float", 7.5f, "double", 7.5d, "String", "7");

    private static final List<String> GETTERS =
            List.of("boolean", "byte", "short", "int", "long", "float", "double", "String");

    static Stream<Arguments> cells() {
        return SAMPLES.keySet().stream().flatMap(source -> GETTERS.stream()
                .map(target -> Arguments.of(source, target, ALLOWED.get(source).contains(target))));
    }

    @ParameterizedTest(name = "{0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void aPropertyReadsAsTheTypesTheTableAllows(String source, String target, boolean allowed)
            throws JMSException {
        BolideMessage message = new BolideMessage();
        message.setObjectProperty("p", SAMPLES.get(source));
        if (!allowed) {
            assertThatThrownBy(() -> read(message, target)).isInstanceOf(MessageFormatException.class);
            return;
        }
        assertThat(read(message, target)).isEqualTo(expected(source, target));
    }

    /** The same conversion done by hand: through the text of the sample. */
    static Object expected(String source, String target) {
        Object sample = SAMPLES.get(source);
        return sample instanceof Boolean && !target.equals("String") ? sample
                : parse(sample.toString(), target);
    }

    static Object parse(String text, String type) {
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

    static Object read(BolideMessage message, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> message.getBooleanProperty("p");
            case "byte" -> message.getByteProperty("p");
            case "short" -> message.getShortProperty("p");
            case "int" -> message.getIntProperty("p");
            case "long" -> message.getLongProperty("p");
            case "float" -> message.getFloatProperty("p");
            case "double" -> message.getDoubleProperty("p");
            default -> message.getStringProperty("p");
        };
    }
}

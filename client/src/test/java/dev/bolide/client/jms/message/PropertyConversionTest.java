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
    private static final ConversionTable TABLE = new ConversionTable(
            Map.of("boolean", true, "byte", (byte) 7, "short", (short) 7, "int", 7, "long", 7L,
                    "float", 7.5f, "double", 7.5d, "String", "7"),
            Map.of("boolean", Set.of("boolean", "String"),
                    "byte", Set.of("byte", "short", "int", "long", "String"),
                    "short", Set.of("short", "int", "long", "String"),
                    "int", Set.of("int", "long", "String"),
                    "long", Set.of("long", "String"),
                    "float", Set.of("float", "double", "String"),
                    "double", Set.of("double", "String"),
                    "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String")),
            List.of("boolean", "byte", "short", "int", "long", "float", "double", "String"));

    static Stream<Arguments> cells() {
        return TABLE.cells();
    }

    @ParameterizedTest(name = "{0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void aPropertyReadsAsTheTypesTheTableAllows(String source, String target, boolean allowed)
            throws JMSException {
        BolideMessage message = new BolideMessage();
        message.setObjectProperty("p", TABLE.samples().get(source));
        if (!allowed) {
            assertThatThrownBy(() -> read(message, target)).isInstanceOf(MessageFormatException.class);
            return;
        }
        assertThat(read(message, target)).isEqualTo(TABLE.expected(source, target));
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

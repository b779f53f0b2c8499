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

/** The MapMessage / StreamMessage conversion table of the specification (3.11.3), cell by cell. */
class BodyValueConversionTest {
    private static final ConversionTable TABLE = new ConversionTable(
            Map.of("boolean", true, "byte", (byte) 7, "short", (short) 7, "char", 'x', "int", 7,
                    "long", 7L, "float", 7.5f, "double", 7.5d, "String", "7", "byte[]", new byte[] {7}),
            Map.of("boolean", Set.of("boolean", "String"),
                    "byte", Set.of("byte", "short", "int", "long", "String"),
                    "short", Set.of("short", "int", "long", "String"),
                    "char", Set.of("char", "String"),
                    "int", Set.of("int", "long", "String"),
                    "long", Set.of("long", "String"),
                    "float", Set.of("float", "double", "String"),
                    "double", Set.of("double", "String"),
                    "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String"),
                    "byte[]", Set.of("byte[]")),
            List.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "String", "byte[]"));

    static Stream<Arguments> cells() {
        return TABLE.cells();
    }

    @ParameterizedTest(name = "map {0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void aMapValueReadsAsTheTypesTheTableAllows(String source, String target, boolean allowed)
            throws JMSException {
        BolideMapMessage message = new BolideMapMessage();
        message.setObject("v", TABLE.samples().get(source));
        check(allowed, source, target, () -> readMap(message, target));
    }

    @ParameterizedTest(name = "stream {0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void aStreamValueReadsAsTheTypesTheTableAllows(String source, String target, boolean allowed)
            throws JMSException {
        BolideStreamMessage message = new BolideStreamMessage();
        message.writeObject(TABLE.samples().get(source));
        message.reset();
        check(allowed, source, target, () -> readStream(message, target));
        if (!allowed) {
            assertThat(message.readObject()).as("a failed read keeps the position").isNotNull();
        }
    }

    private interface Read {
        Object read() throws JMSException;
    }

    private static void check(boolean allowed, String source, String target, Read read)
            throws JMSException {
        if (!allowed) {
            assertThatThrownBy(read::read).isInstanceOf(MessageFormatException.class);
        } else if (target.equals("byte[]")) {
            assertThat((byte[]) read.read()).containsExactly(7);
        } else if (target.equals("char")) {
            assertThat(read.read()).isEqualTo('x');
        } else {
            assertThat(read.read()).isEqualTo(TABLE.expected(source, target));
        }
    }

    private static Object readMap(BolideMapMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.getBoolean("v");
            case "byte" -> m.getByte("v");
            case "short" -> m.getShort("v");
            case "char" -> m.getChar("v");
            case "int" -> m.getInt("v");
            case "long" -> m.getLong("v");
            case "float" -> m.getFloat("v");
            case "double" -> m.getDouble("v");
            case "String" -> m.getString("v");
            default -> m.getBytes("v");
        };
    }

    private static Object readStream(BolideStreamMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.readBoolean();
            case "byte" -> m.readByte();
            case "short" -> m.readShort();
            case "char" -> m.readChar();
            case "int" -> m.readInt();
            case "long" -> m.readLong();
            case "float" -> m.readFloat();
            case "double" -> m.readDouble();
            case "String" -> m.readString();
            default -> readWholeBytes(m);
        };
    }

    private static byte[] readWholeBytes(BolideStreamMessage m) throws JMSException {
        byte[] buffer = new byte[16];
        int length = m.readBytes(buffer);
        return java.util.Arrays.copyOf(buffer, length);
    }
}

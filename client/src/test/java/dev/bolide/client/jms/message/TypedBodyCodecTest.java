package dev.bolide.client.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TypedBodyCodecTest {
    private static List<Object> everyType() {
        return Arrays.asList(true, (byte) -1, (short) 300, 'λ', Integer.MIN_VALUE, Long.MAX_VALUE,
                Float.NaN, -0.0d, "ünïcode ✓", null);
    }

    @Test
    void aStreamOfEveryTypeRoundTrips() throws JMSException {
        List<Object> values = new ArrayList<>(everyType());
        values.add(new byte[] {1, 2});
        List<Object> decoded = TypedBodyCodec.decodeStream(TypedBodyCodec.encodeStream(values));
        assertThat(decoded.subList(0, 10)).containsExactlyElementsOf(everyType());
        assertThat((byte[]) decoded.get(10)).containsExactly(1, 2);
    }

    @Test
    void aMapKeepsNamesValuesAndOrder() throws JMSException {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> values = everyType();
        for (int i = 0; i < values.size(); i++) {
            map.put("k" + i, values.get(i));
        }
        assertThat(TypedBodyCodec.decodeMap(TypedBodyCodec.encodeMap(map))).containsExactlyEntriesOf(map);
    }

    @Test
    void aMapBodyIsNotAStream() {
        byte[] map = TypedBodyCodec.encodeMap(Map.of("a", 1));
        assertThatThrownBy(() -> TypedBodyCodec.decodeStream(map)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aHugeDeclaredLengthFailsWithoutAllocating() {
        byte[] body = {1, 'S', 0, 0, 0, 1, 'Y', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> TypedBodyCodec.decodeStream(body)).isInstanceOf(MessageFormatException.class);
        byte[] count = {1, 'M', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> TypedBodyCodec.decodeMap(count)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void randomAndMutatedBodiesFailOnlyWithMessageFormatException() {
        Random random = new Random(20261125);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "value");
        map.put("bytes", new byte[] {1, 2, 3});
        map.put("n", 42L);
        byte[] valid = TypedBodyCodec.encodeMap(map);
        for (int i = 0; i < 20_000; i++) {
            byte[] body = i % 2 == 0 ? mutate(valid, random) : randomBytes(random);
            decodeBoth(body);
        }
    }

    private static void decodeBoth(byte[] body) {
        try {
            TypedBodyCodec.decodeMap(body);
        } catch (MessageFormatException expected) {
            // the only failure allowed
        }
        try {
            TypedBodyCodec.decodeStream(body);
        } catch (MessageFormatException expected) {
            // the only failure allowed
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] body = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
        for (int j = random.nextInt(4); j >= 0 && body.length > 0; j--) {
            body[random.nextInt(body.length)] = (byte) random.nextInt();
        }
        return body;
    }

    private static byte[] randomBytes(Random random) {
        byte[] body = new byte[random.nextInt(40)];
        random.nextBytes(body);
        if (body.length > 1) {
            body[0] = 1;
            body[1] = random.nextBoolean() ? (byte) 'M' : (byte) 'S';
        }
        return body;
    }
}

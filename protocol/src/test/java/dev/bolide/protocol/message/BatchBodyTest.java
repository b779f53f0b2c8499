package dev.bolide.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchBodyTest {
    @Test
    void decodesWhatItEncodes() {
        List<BatchBody.Item> items = List.of(new BatchBody.Item(0, bytes("one"), "KEYS\u0001a"),
                new BatchBody.Item(7, bytes("twenty two"), ""));

        List<BatchBody.Item> decoded = BatchBody.decode(BatchBody.encode(items));

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).body()).isEqualTo(bytes("one"));
        assertThat(decoded.get(0).properties()).isEqualTo("KEYS\u0001a");
        assertThat(decoded.get(1).flag()).isEqualTo(7);
        assertThat(decoded.get(1).body()).isEqualTo(bytes("twenty two"));
    }

    @Test
    void writesTheItemLayoutOfRocketMqsEncoder() {
        byte[] encoded = BatchBody.encode(List.of(new BatchBody.Item(3, bytes("ab"), "K\u0001v")));

        // totalSize, magic, bodyCRC, flag, bodyLength, body, propertiesLength, properties
        assertThat(encoded).hasSize(20 + 2 + 2 + 3);
        assertThat(java.nio.ByteBuffer.wrap(encoded).getInt(0)).isEqualTo(encoded.length);
        assertThat(java.nio.ByteBuffer.wrap(encoded).getInt(12)).isEqualTo(3);
    }

    @Test
    void refusesATruncatedBody() {
        byte[] encoded = BatchBody.encode(List.of(new BatchBody.Item(0, bytes("abc"), "")));

        assertThatThrownBy(() -> BatchBody.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

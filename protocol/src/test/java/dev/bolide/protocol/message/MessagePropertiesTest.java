package dev.bolide.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {
    @Test
    void encodesPairsWithoutATrailingSeparator() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TAGS", "TagA");
        properties.put("KEYS", "k1 k2");

        assertThat(MessageProperties.encode(properties)).isEqualTo("TAGS\u0001TagA\u0002KEYS\u0001k1 k2");
    }

    @Test
    void skipsNullValuesOnEncode() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("a", null);
        properties.put("b", "2");

        assertThat(MessageProperties.encode(properties)).isEqualTo("b\u00012");
    }

    @Test
    void decodeDropsEntriesWithAnEmptyNameOrValue() {
        assertThat(MessageProperties.decode("a\u00011\u0002\u0001x\u0002b\u0001\u0002c\u00013"))
                .containsOnly(Map.entry("a", "1"), Map.entry("c", "3"));
    }

    @Test
    void findReadsOnePropertyWithoutConfusingPrefixes() {
        String encoded = "KEYSX\u0001no\u0002KEYS\u0001k1 k2\u0002UNIQ_KEY\u0001ABC";

        assertThat(MessageProperties.find(encoded, "KEYS")).isEqualTo("k1 k2");
        assertThat(MessageProperties.find(encoded, "UNIQ_KEY")).isEqualTo("ABC");
        assertThat(MessageProperties.find(encoded, "TAGS")).isNull();
        assertThat(MessageProperties.find("", "TAGS")).isNull();
    }
}

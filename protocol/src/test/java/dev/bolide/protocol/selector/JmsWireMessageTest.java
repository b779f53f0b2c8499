package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JMS selector on a message as the broker holds it: RocketMQ string properties, with the types of
 * the JMS properties in BOLIDE_JMS_TYPES and the headers in the properties that carry them.
 */
class JmsWireMessageTest {
    @Test
    void typedPropertiesAreReadWithTheirListedTypes() {
        Map<String, String> wire = Map.of("i", "7", "d", "2.5", "z", "true", "s", "7", "f", "1.5", "b", "-3",
                "BOLIDE_JMS_TYPES", "i:I,d:D,z:Z,f:F,b:B");
        assertThat(matches("i = 7 AND d = 2.5 AND z AND f = 1.5 AND b = -3", wire)).isTrue();
        assertThat(matches("s = '7'", wire)).isTrue();
        assertThat(matches("s = 7", wire)).isFalse();
        assertThat(matches("i + d = 9.5", wire)).isTrue();
    }

    @Test
    void aValueThatDoesNotParseAsItsListedTypeIsUnknown() {
        Map<String, String> wire = Map.of("i", "seven", "z", "yes", "BOLIDE_JMS_TYPES", "i:I,z:Z");
        assertThat(matches("i IS NULL AND z IS NULL", wire)).isTrue();
    }

    @Test
    void aPropertyListedAsAnEmptyStringIsEmptyNotMissing() {
        Map<String, String> wire = Map.of("BOLIDE_JMS_EMPTY", "e,f");
        assertThat(matches("e = '' AND f IS NOT NULL AND e LIKE '%'", wire)).isTrue();
        assertThat(matches("g IS NULL", wire)).isTrue();
    }

    @Test
    void jmsTypeIsTheTagAndCorrelationIdItsProperty() {
        Map<String, String> wire = Map.of("TAGS", "car", "JMS_CORRELATION_ID", "c-1");
        assertThat(matches("JMSType = 'car' AND JMSCorrelationID = 'c-1'", wire)).isTrue();
        assertThat(matches("JMSType IS NULL OR JMSCorrelationID IS NULL", Map.of())).isTrue();
    }

    @Test
    void jmsMessageIdIsTheUniqueKeyWithItsPrefix() {
        assertThat(matches("JMSMessageID = 'ID:AB01'", Map.of("UNIQ_KEY", "AB01"))).isTrue();
        assertThat(matches("JMSMessageID IS NULL", Map.of())).isTrue();
    }

    @Test
    void priorityAndDeliveryModeHaveTheirDefaultsWhenAbsent() {
        assertThat(matches("JMSPriority = 4 AND JMSDeliveryMode = 'PERSISTENT'", Map.of())).isTrue();
        Map<String, String> wire = Map.of("JMS_PRIORITY", "9", "JMS_DELIVERY_MODE", "NON_PERSISTENT");
        assertThat(matches("JMSPriority > 4 AND JMSDeliveryMode = 'NON_PERSISTENT'", wire)).isTrue();
    }

    @Test
    void jmsTimestampIsTheBornTimestamp() {
        Selector selector = Selector.compileJms("JMSTimestamp BETWEEN 1000 AND 2000");
        assertThat(selector.matches(Map.of(), 1500L)).isTrue();
        assertThat(selector.matches(Map.of(), 2500L)).isFalse();
        assertThat(selector.matches(Map.of())).as("without a timestamp it is unknown").isFalse();
        assertThat(Selector.compileJms("JMSTimestamp IS NULL").matches(Map.of())).isTrue();
    }

    @Test
    void propertiesNamedLikeHeadersAreStillProperties() {
        Map<String, String> wire = Map.of("JMSXGroupID", "g", "JMS_vendor", "v", "JMSType", "not-the-tag");
        assertThat(matches("JMSXGroupID = 'g' AND JMS_vendor = 'v' AND JMSType IS NULL", wire)).isTrue();
    }

    @Test
    void identifiersAreJavaIdentifiers() {
        Map<String, String> wire = Map.of("\u00e9t\u00e9", "chaud");
        assertThat(matches("\u00e9t\u00e9 = 'chaud' AND \u00fcber_2 IS NULL", wire)).isTrue();
    }

    @Test
    void sql92SelectorsIgnoreTheTypesAndTheTimestamp() {
        Map<String, String> wire = Map.of("i", "7", "BOLIDE_JMS_TYPES", "i:I");
        assertThat(Selector.compileSql92("i = '7'").matches(wire, 1L)).isTrue();
    }

    private static boolean matches(String selector, Map<String, String> wire) {
        return Selector.compileJms(selector).matches(wire, 0L);
    }
}

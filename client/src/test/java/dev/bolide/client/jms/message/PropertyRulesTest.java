package dev.bolide.client.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyRulesTest {
    private final BolideMessage message = new BolideMessage();

    @Test
    void anAbsentPropertyReadsAsValueOfNull() throws JMSException {
        assertThat(message.getBooleanProperty("absent")).isFalse();
        assertThat(message.getStringProperty("absent")).isNull();
        assertThat(message.getObjectProperty("absent")).isNull();
        assertThatThrownBy(() -> message.getByteProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getShortProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getIntProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLongProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getFloatProperty("absent")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("absent")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aStringThatIsNotANumberFailsWithNumberFormatException() throws JMSException {
        message.setStringProperty("p", "seven");
        assertThatThrownBy(() -> message.getIntProperty("p")).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a-b", "NULL", "true", "Between", "escape", "JMSType",
            "JMS_vendor", "JMSXUserID", "JMSXDeliveryCount", "TAGS", "KEYS", "UNIQ_KEY", "DELAY",
            "TIMER_DELIVER_MS", "BOLIDE_JMS_TYPES"})
    void invalidOrReservedNamesAreRefused(String name) {
        assertThatThrownBy(() -> message.setStringProperty(name, "v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> message.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientsSetOnlyTheGroupJmsxPropertiesWithTheirTypes() throws JMSException {
        message.setStringProperty("JMSXGroupID", "g");
        message.setIntProperty("JMSXGroupSeq", 3);
        assertThat(message.getIntProperty("JMSXGroupSeq")).isEqualTo(3);
        assertThatThrownBy(() -> message.setStringProperty("JMSXGroupSeq", "3"))
                .isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setIntProperty("JMSXGroupID", 1))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anObjectPropertyMustBeABoxedPrimitiveOrString() {
        assertThatThrownBy(() -> message.setObjectProperty("p", 'c')).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("p", new byte[1]))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void clearPropertiesEmptiesAndMakesWritableAgain() throws JMSException {
        message.setIntProperty("a", 1);
        message.properties().makeReadOnly();
        message.clearProperties();
        assertThat(Collections.list(message.getPropertyNames())).isEmpty();
        message.setIntProperty("b", 2);
        assertThat(message.propertyExists("b")).isTrue();
    }
}

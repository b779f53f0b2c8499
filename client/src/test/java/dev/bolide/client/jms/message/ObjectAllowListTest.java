package dev.bolide.client.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectAllowListTest {
    /** A class outside the default allow-list. */
    record Order(String id, int quantity) implements Serializable {
    }

    @Test
    void jdkValueTypesAreAllowedByDefault() throws JMSException {
        HashMap<String, Object> value = new HashMap<>();
        value.put("when", Instant.ofEpochSecond(1));
        value.put("amount", new BigDecimal("1.50"));
        value.put("list", new ArrayList<>(List.of(1, 2L, new int[] {3})));
        BolideObjectMessage message = new BolideObjectMessage();
        message.setObject(value);
        BolideObjectMessage received = BolideObjectMessage.fromBody(message.encodeBody(), ObjectAllowList.DEFAULT);
        assertThat(received.getObject()).usingRecursiveComparison().isEqualTo(value);
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedByName() throws JMSException {
        BolideObjectMessage message = new BolideObjectMessage();
        message.setObject(new ArrayList<>(List.of(new Order("o-1", 2))));
        BolideObjectMessage received = BolideObjectMessage.fromBody(message.encodeBody(), ObjectAllowList.DEFAULT);
        assertThatThrownBy(received::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
        assertThatThrownBy(() -> received.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anAllowedApplicationClassIsDeserialized() throws JMSException {
        ObjectAllowList allowList = ObjectAllowList.DEFAULT.with(List.of(), List.of(Order.class.getName()));
        BolideObjectMessage message = new BolideObjectMessage();
        message.setObject(new Order("o-1", 2));
        assertThat(BolideObjectMessage.fromBody(message.encodeBody(), allowList).getObject())
                .isEqualTo(new Order("o-1", 2));
    }

    @Test
    void theObjectIsCopiedWhenSet() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        BolideObjectMessage message = new BolideObjectMessage();
        message.setObject(list);
        list.add("b");
        assertThat(message.getObject()).isEqualTo(List.of("a"));
    }

    @Test
    void garbageIsAFormatError() {
        BolideObjectMessage received = BolideObjectMessage.fromBody(new byte[] {1, 2, 3}, ObjectAllowList.DEFAULT);
        assertThatThrownBy(received::getObject).isInstanceOf(MessageFormatException.class);
    }
}

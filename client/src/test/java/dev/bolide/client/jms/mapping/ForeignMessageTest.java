package dev.bolide.client.jms.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.client.jms.destination.BolideQueue;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message of another provider is sent with its headers, properties and body. */
class ForeignMessageTest {
    private static TextMessage foreignText() {
        Map<String, Object> answers = Map.of(
                "getText", "from elsewhere",
                "getJMSDestination", new BolideQueue("orders"),
                "getJMSPriority", 7,
                "getJMSDeliveryMode", DeliveryMode.PERSISTENT,
                "getPropertyNames", Collections.enumeration(List.of("color", "JMSXDeliveryCount")),
                "getObjectProperty", "red");
        return (TextMessage) Proxy.newProxyInstance(TextMessage.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (proxy, method, args) -> {
                    Object answer = answers.get(method.getName());
                    if (answer != null) {
                        return answer;
                    }
                    Class<?> type = method.getReturnType();
                    return type == long.class ? 0L : type == int.class ? 0 : type == boolean.class ? false : null;
                });
    }

    @Test
    void aForeignTextMessageIsCopiedAndMapped() throws JMSException {
        OutgoingRecord sent = new RocketMqMapping().toRocketMq(foreignText());
        assertThat(sent.topic()).isEqualTo("orders");
        assertThat(sent.properties()).containsEntry("BOLIDE_JMS_BODY", "TEXT")
                .containsEntry("JMS_PRIORITY", "7").containsEntry("color", "red")
                .doesNotContainKey("JMSXDeliveryCount");
        assertThat(new String(sent.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("from elsewhere");
    }
}

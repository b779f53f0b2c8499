package dev.bolide.client.jms.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.jms.destination.BolideQueue;
import dev.bolide.client.jms.destination.BolideTopic;
import dev.bolide.client.jms.message.BolideBytesMessage;
import dev.bolide.client.jms.message.BolideMapMessage;
import dev.bolide.client.jms.message.BolideMessage;
import dev.bolide.client.jms.message.BolideObjectMessage;
import dev.bolide.client.jms.message.BolideStreamMessage;
import dev.bolide.client.jms.message.BolideTextMessage;
import dev.bolide.protocol.message.MessageProperties;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RocketMqMappingTest {
    private final RocketMqMapping mapping = new RocketMqMapping();

    /** Sends through the mapping and receives what a broker would hand back, wire format included. */
    private BolideMessage roundTrip(BolideMessage message, int reconsumeTimes) throws JMSException {
        OutgoingRecord sent = mapping.toRocketMq(message);
        Map<String, String> wire = MessageProperties.decode(MessageProperties.encode(sent.properties()));
        return mapping.toJms(new ReceivedRecord(sent.topic(), wire, sent.body(), sent.bornTimestamp(),
                reconsumeTimes, "0A0000010000"));
    }

    private static <M extends BolideMessage> M addressed(M message) {
        message.setJMSDestination(new BolideQueue("orders"));
        return message;
    }

    @Test
    void anEmptyJmsTypeStaysEmptyAndIsNoUserProperty() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setJMSType("");
        message.setStringProperty("note", "");
        BolideMessage received = roundTrip(message, 0);
        assertThat(received.getJMSType()).isEmpty();
        assertThat(received.getStringProperty("note")).isEmpty();
        assertThat(received.propertyExists("TAGS")).isFalse();
    }

    @Test
    void headersSurviveTheRoundTrip() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setJMSMessageID("ID:7F0000011234");
        message.setJMSTimestamp(1_000);
        message.setJMSType("created");
        message.setJMSCorrelationID("req-1");
        message.setJMSReplyTo(new BolideTopic("replies"));
        message.setJMSPriority(9);
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSExpiration(5_000);
        message.setJMSDeliveryTime(3_000);
        BolideMessage received = roundTrip(message, 0);
        assertThat(received.getJMSDestination()).isEqualTo(new BolideQueue("orders"));
        assertThat(received.getJMSMessageID()).isEqualTo("ID:7F0000011234");
        assertThat(received.getJMSTimestamp()).isEqualTo(1_000);
        assertThat(received.getJMSType()).isEqualTo("created");
        assertThat(received.getJMSCorrelationID()).isEqualTo("req-1");
        assertThat(received.getJMSReplyTo()).isEqualTo(new BolideTopic("replies"));
        assertThat(received.getJMSPriority()).isEqualTo(9);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSExpiration()).isEqualTo(5_000);
        assertThat(received.getJMSDeliveryTime()).isEqualTo(3_000);
        assertThat(received.getJMSRedelivered()).isFalse();
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void headersBecomeTheRocketMqFieldsNativeClientsUse() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setJMSType("created");
        message.setJMSMessageID("ID:ABC");
        message.setJMSTimestamp(10);
        message.setJMSDeliveryTime(99);
        OutgoingRecord sent = mapping.toRocketMq(message);
        assertThat(sent.topic()).isEqualTo("orders");
        assertThat(sent.tags()).isEqualTo("created");
        assertThat(sent.properties()).containsEntry("UNIQ_KEY", "ABC").containsEntry("TIMER_DELIVER_MS", "99")
                .containsEntry("JMS_PRIORITY", "4").containsEntry("JMS_DELIVERY_MODE", "PERSISTENT");
    }

    @Test
    void theDeliveryTimeIsTheOneTheBrokerTimerSettledOn() throws JMSException {
        BolideMessage received = mapping.toJms(new ReceivedRecord("t",
                Map.of("TIMER_DELAY_SEC", "5", "TIMER_OUT_MS", "6000"), new byte[0], 1_000, 0, "X"));
        assertThat(received.getJMSDeliveryTime()).isEqualTo(6_000);
    }

    @Test
    void aNonPersistentMessageDoesNotWaitForTheFlushAndItsCorrelationIdIsAKey() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSCorrelationID("req-9");
        OutgoingRecord sent = mapping.toRocketMq(message);
        assertThat(sent.properties()).containsEntry("WAIT", "false").containsEntry("JMS_DELIVERY_MODE", "NON_PERSISTENT");
        assertThat(sent.keys()).isEqualTo("req-9");
    }

    @Test
    void aRedeliveryCountsTheReconsumeTimes() throws JMSException {
        BolideMessage received = roundTrip(addressed(new BolideMessage()), 2);
        assertThat(received.getJMSRedelivered()).isTrue();
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
    }

    @Test
    void correlationIdBytesSurviveTheRoundTrip() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setJMSCorrelationIDAsBytes(new byte[] {0, 1, (byte) 0xff});
        assertThat(roundTrip(message, 0).getJMSCorrelationIDAsBytes()).containsExactly(0, 1, 0xff);
    }

    @Test
    void typedPropertiesSurviveAsPlainTextWithATypeList() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setBooleanProperty("z", true);
        message.setByteProperty("b", (byte) 1);
        message.setShortProperty("s", (short) 2);
        message.setIntProperty("i", 3);
        message.setLongProperty("j", 4L);
        message.setFloatProperty("f", 5.5f);
        message.setDoubleProperty("d", 6.5d);
        message.setStringProperty("t", "7");
        message.setStringProperty("empty", "");
        OutgoingRecord sent = mapping.toRocketMq(message);
        assertThat(sent.properties()).containsEntry("i", "3").containsEntry("t", "7")
                .containsEntry("BOLIDE_JMS_TYPES", "z:Z,b:B,s:S,i:I,j:J,f:F,d:D");
        BolideMessage received = roundTrip(message, 0);
        Map<String, Object> expected = new HashMap<>(message.properties().asMap());
        expected.put("JMSXDeliveryCount", 1);
        assertThat(received.properties().asMap()).isEqualTo(expected);
    }

    @Test
    void aNativeRocketMqMessageIsABytesMessageWithTagAndStringProperties() throws JMSException {
        Map<String, String> properties = Map.of("TAGS", "tagA", "KEYS", "k1 k2", "UNIQ_KEY", "C0A8",
                "color", "red", "count", "3");
        BolideMessage received = mapping.toJms(new ReceivedRecord("orders", properties,
                "raw".getBytes(StandardCharsets.UTF_8), 77, 0, "OFFSETID"));
        assertThat(received).isInstanceOf(BytesMessage.class);
        assertThat(received.getJMSType()).isEqualTo("tagA");
        assertThat(received.getJMSMessageID()).isEqualTo("ID:C0A8");
        assertThat(received.getJMSTimestamp()).isEqualTo(77);
        assertThat(received.getJMSDeliveryTime()).isEqualTo(77);
        assertThat(received.getJMSDestination()).isEqualTo(new BolideTopic("orders"));
        assertThat(received.getJMSPriority()).isEqualTo(4);
        assertThat(received.getObjectProperty("count")).isEqualTo("3");
        assertThat(received.getIntProperty("count")).isEqualTo(3);
        assertThat(Collections.list(received.getPropertyNames()))
                .containsExactlyInAnyOrder("color", "count", "JMSXDeliveryCount");
        BytesMessage bytes = (BytesMessage) received;
        assertThat(bytes.getBodyLength()).isEqualTo(3);
        assertThat(bytes.getBody(byte[].class)).asString(StandardCharsets.UTF_8).isEqualTo("raw");
    }

    @Test
    void aNativeMessageMarkedAsTextIsATextMessage() throws JMSException {
        BolideMessage received = mapping.toJms(new ReceivedRecord("orders",
                Map.of("BOLIDE_JMS_BODY", "TEXT"), "héllo".getBytes(StandardCharsets.UTF_8), 1, 0, "X"));
        assertThat(((TextMessage) received).getText()).isEqualTo("héllo");
    }

    @Test
    void aNativeMessageWithoutUniqueKeyUsesTheOffsetMessageId() throws JMSException {
        BolideMessage received = mapping.toJms(new ReceivedRecord("t", Map.of(), new byte[0], 1, 0, "OFF"));
        assertThat(received.getJMSMessageID()).isEqualTo("ID:OFF");
    }

    @Test
    void everyMessageTypeRoundTrips() throws JMSException {
        assertThat(((TextMessage) roundTrip(addressed(new BolideTextMessage("hi ✓")), 0)).getText())
                .isEqualTo("hi ✓");
        assertThat(((TextMessage) roundTrip(addressed(new BolideTextMessage()), 0)).getText()).isNull();
        assertThat(((TextMessage) roundTrip(addressed(new BolideTextMessage("")), 0)).getText()).isEmpty();

        BolideBytesMessage bytes = addressed(new BolideBytesMessage());
        bytes.writeLong(12L);
        BytesMessage receivedBytes = (BytesMessage) roundTrip(bytes, 0);
        assertThat(receivedBytes.readLong()).isEqualTo(12L);

        BolideMapMessage map = addressed(new BolideMapMessage());
        map.setChar("c", 'q');
        map.setBytes("b", new byte[] {4});
        MapMessage receivedMap = (MapMessage) roundTrip(map, 0);
        assertThat(receivedMap.getChar("c")).isEqualTo('q');
        assertThat(receivedMap.getBytes("b")).containsExactly(4);

        BolideStreamMessage stream = addressed(new BolideStreamMessage());
        stream.writeDouble(1.5);
        stream.writeString("s");
        StreamMessage receivedStream = (StreamMessage) roundTrip(stream, 0);
        assertThat(receivedStream.readDouble()).isEqualTo(1.5);
        assertThat(receivedStream.readString()).isEqualTo("s");

        BolideObjectMessage object = addressed(new BolideObjectMessage());
        object.setObject(new ArrayList<>(List.of("x", 1)));
        assertThat(((ObjectMessage) roundTrip(object, 0)).getObject()).isEqualTo(List.of("x", 1));
        assertThat(((ObjectMessage) roundTrip(addressed(new BolideObjectMessage()), 0)).getObject()).isNull();

        assertThat(roundTrip(addressed(new BolideMessage()), 0).getClass()).isEqualTo(BolideMessage.class);
    }

    @Test
    void aReceivedMessageIsReadOnly() throws JMSException {
        BolideTextMessage received = (BolideTextMessage) roundTrip(addressed(new BolideTextMessage("a")), 0);
        assertThatThrownBy(() -> received.setText("b")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setStringProperty("p", "b"))
                .isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void aMalformedMapBodyIsAFormatError() {
        ReceivedRecord record = new ReceivedRecord("t", Map.of("BOLIDE_JMS_BODY", "MAP"), new byte[] {9}, 1, 0, "X");
        assertThatThrownBy(() -> mapping.toJms(record)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aValueWithAPropertySeparatorIsRefusedAtSend() throws JMSException {
        BolideMessage message = addressed(new BolideMessage());
        message.setStringProperty("p", "a\u0001b");
        assertThatThrownBy(() -> mapping.toRocketMq(message)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aMessageWithoutDestinationCannotBeMapped() {
        assertThatThrownBy(() -> mapping.toRocketMq(new BolideMessage())).isInstanceOf(JMSException.class);
    }
}

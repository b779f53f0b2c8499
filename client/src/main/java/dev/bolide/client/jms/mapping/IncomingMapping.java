package dev.bolide.client.jms.mapping;

import dev.bolide.client.jms.destination.BolideTopic;
import dev.bolide.client.jms.destination.DestinationNames;
import dev.bolide.client.jms.message.BodyType;
import dev.bolide.client.jms.message.BolideBytesMessage;
import dev.bolide.client.jms.message.BolideMapMessage;
import dev.bolide.client.jms.message.BolideMessage;
import dev.bolide.client.jms.message.BolideObjectMessage;
import dev.bolide.client.jms.message.BolideStreamMessage;
import dev.bolide.client.jms.message.BolideTextMessage;
import dev.bolide.client.jms.message.ObjectAllowList;
import dev.bolide.client.jms.message.PropertyNames;
import dev.bolide.protocol.jms.JmsWireProperties;
import dev.bolide.protocol.message.PropertyKeys;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.Base64;
import java.util.Map;

/** The receiving half of {@link RocketMqMapping}. */
final class IncomingMapping {
    private final ObjectAllowList allowList;

    IncomingMapping(ObjectAllowList allowList) {
        this.allowList = allowList;
    }

    BolideMessage map(ReceivedRecord record) throws JMSException {
        Map<String, String> properties = record.properties();
        BolideMessage message = newMessage(properties, record.body());
        setIdentity(message, record);
        setDelivery(message, record);
        setUserProperties(message, properties);
        message.properties().setByProvider(PropertyNames.DELIVERY_COUNT, record.reconsumeTimes() + 1);
        message.markReceived();
        return message;
    }

    private BolideMessage newMessage(Map<String, String> properties, byte[] received)
            throws MessageFormatException {
        byte[] body = properties.containsKey(JmsPropertyKeys.NULL_BODY) ? null
                : received == null ? new byte[0] : received;
        return switch (BodyType.fromProperty(properties.get(JmsPropertyKeys.BODY_TYPE))) {
            case NONE -> new BolideMessage();
            case TEXT -> BolideTextMessage.fromBody(body);
            case MAP -> BolideMapMessage.fromBody(body);
            case STREAM -> BolideStreamMessage.fromBody(body);
            case OBJECT -> BolideObjectMessage.fromBody(body, allowList);
            case BYTES -> BolideBytesMessage.fromBody(body);
        };
    }

    private static void setIdentity(BolideMessage message, ReceivedRecord record) {
        Map<String, String> properties = record.properties();
        String uniqueKey = properties.get(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID);
        String id = uniqueKey != null ? uniqueKey : record.msgId();
        message.setJMSMessageID(id == null ? null : "ID:" + id);
        message.setJMSTimestamp(record.bornTimestamp());
        message.setJMSType(JmsWireProperties.type(properties));
        message.setJMSCorrelationID(properties.get(JmsPropertyKeys.CORRELATION_ID));
        String correlationBytes = properties.get(JmsPropertyKeys.CORRELATION_ID_BYTES);
        if (correlationBytes != null) {
            message.setJMSCorrelationIDAsBytes(decodeBase64(correlationBytes));
        }
        String destination = properties.get(JmsPropertyKeys.DESTINATION);
        message.setJMSDestination(destination != null ? DestinationNames.parse(destination)
                : new BolideTopic(record.topic()));
        String replyTo = properties.get(JmsPropertyKeys.REPLY_TO);
        message.setJMSReplyTo(replyTo == null ? null : DestinationNames.parse(replyTo));
    }

    private static void setDelivery(BolideMessage message, ReceivedRecord record) {
        Map<String, String> properties = record.properties();
        message.setJMSPriority(parseInt(properties.get(JmsPropertyKeys.PRIORITY), Message.DEFAULT_PRIORITY));
        message.setJMSDeliveryMode("NON_PERSISTENT".equals(properties.get(JmsPropertyKeys.DELIVERY_MODE))
                ? DeliveryMode.NON_PERSISTENT : DeliveryMode.PERSISTENT);
        message.setJMSExpiration(parseLong(properties.get(JmsPropertyKeys.EXPIRATION), 0));
        long deliveryTime = parseLong(properties.get(PropertyKeys.TIMER_OUT_MS),
                parseLong(properties.get(PropertyKeys.TIMER_DELIVER_MS), record.bornTimestamp()));
        message.setJMSDeliveryTime(deliveryTime);
        message.setJMSRedelivered(record.reconsumeTimes() > 0);
    }

    /** A value its type list cannot parse stays a String: a native producer may have set it. */
    private static void setUserProperties(BolideMessage message, Map<String, String> properties) {
        Map<String, Character> types = PropertyTypes.decode(properties.get(JmsPropertyKeys.PROPERTY_TYPES));
        properties.forEach((name, text) -> {
            if (!PropertyNames.isSystemKey(name)) {
                message.properties().setByProvider(name, typed(text, types.get(name)));
            }
        });
        String empty = properties.get(JmsPropertyKeys.EMPTY_STRINGS);
        if (empty != null) {
            for (String name : empty.split(",")) {
                if (!PropertyNames.isSystemKey(name)) { // TAGS: an empty JMSType
                    message.properties().setByProvider(name, "");
                }
            }
        }
    }

    private static Object typed(String text, Character code) {
        if (code == null) {
            return text;
        }
        try {
            return PropertyTypes.parse(text, code);
        } catch (MessageFormatException e) {
            return text;
        }
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parseInt(String text, int absent) {
        return (int) parseLong(text, absent);
    }

    /** Header properties are written by Bolide; a garbled one falls back to its default. */
    private static long parseLong(String text, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}

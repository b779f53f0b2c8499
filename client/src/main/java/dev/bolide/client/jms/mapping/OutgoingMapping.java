package dev.bolide.client.jms.mapping;

import dev.bolide.client.jms.destination.DestinationNames;
import dev.bolide.client.jms.message.BolideMessage;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.PropertyKeys;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The sending half of {@link RocketMqMapping}. */
final class OutgoingMapping {
    private static final String ID_PREFIX = "ID:";

    private OutgoingMapping() {
    }

    static OutgoingRecord map(BolideMessage message) throws JMSException {
        if (message.getJMSDestination() == null) {
            throw new InvalidDestinationException("the message has no destination");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        putUserProperties(message.properties().asMap(), properties);
        putHeaders(message, properties);
        byte[] body = putBody(message, properties);
        return new OutgoingRecord(DestinationNames.topicOf(message.getJMSDestination()), properties,
                body, 0, message.getJMSTimestamp());
    }

    private static void putHeaders(BolideMessage message, Map<String, String> properties)
            throws JMSException {
        putType(message.getJMSType(), properties);
        putIfPresent(properties, PropertyKeys.KEYS, message.getJMSCorrelationID());
        putIfPresent(properties, JmsPropertyKeys.CORRELATION_ID, message.getJMSCorrelationID());
        byte[] correlationBytes = message.getJMSCorrelationIDAsBytes();
        if (correlationBytes != null) {
            properties.put(JmsPropertyKeys.CORRELATION_ID_BYTES,
                    Base64.getEncoder().encodeToString(correlationBytes));
        }
        String messageId = message.getJMSMessageID();
        if (messageId != null) {
            properties.put(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID,
                    messageId.startsWith(ID_PREFIX) ? messageId.substring(ID_PREFIX.length()) : messageId);
        }
        properties.put(JmsPropertyKeys.PRIORITY, Integer.toString(message.getJMSPriority()));
        putDeliveryMode(message.getJMSDeliveryMode(), properties);
        putTimes(message, properties);
        properties.put(JmsPropertyKeys.DESTINATION, DestinationNames.format(message.getJMSDestination()));
        if (message.getJMSReplyTo() != null) {
            properties.put(JmsPropertyKeys.REPLY_TO, DestinationNames.format(message.getJMSReplyTo()));
        }
    }

    /**
     * An empty JMSType travels by name in the list of empty strings, as an empty property does: RocketMQ
     * drops empty tags. {@code TAGS} names no user property (RocketMQ reserves it), so the entry is unambiguous.
     */
    private static void putType(String type, Map<String, String> properties) throws MessageFormatException {
        if (type != null && type.isEmpty()) {
            properties.merge(JmsPropertyKeys.EMPTY_STRINGS, PropertyKeys.TAGS, (list, tags) -> list + "," + tags);
        } else {
            putIfPresent(properties, PropertyKeys.TAGS, type);
        }
    }

    private static void putDeliveryMode(int mode, Map<String, String> properties) {
        boolean persistent = mode != DeliveryMode.NON_PERSISTENT;
        properties.put(JmsPropertyKeys.DELIVERY_MODE, persistent ? "PERSISTENT" : "NON_PERSISTENT");
        if (!persistent) {
            properties.put(PropertyKeys.WAIT_STORE_MSG_OK, "false");
        }
    }

    private static void putTimes(BolideMessage message, Map<String, String> properties) {
        if (message.getJMSExpiration() != 0) {
            properties.put(JmsPropertyKeys.EXPIRATION, Long.toString(message.getJMSExpiration()));
        }
        if (message.getJMSDeliveryTime() > message.getJMSTimestamp()) {
            properties.put(PropertyKeys.TIMER_DELIVER_MS, Long.toString(message.getJMSDeliveryTime()));
        }
    }

    private static byte[] putBody(BolideMessage message, Map<String, String> properties)
            throws JMSException {
        properties.put(JmsPropertyKeys.BODY_TYPE, message.bodyType().name());
        byte[] body = message.encodeBody();
        if (body == null) {
            properties.put(JmsPropertyKeys.NULL_BODY, "true");
            return new byte[0];
        }
        return body;
    }

    private static void putUserProperties(Map<String, Object> values, Map<String, String> properties)
            throws MessageFormatException {
        StringJoiner empty = new StringJoiner(",");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String text = e.getValue().toString();
            checkSeparators(e.getKey(), text);
            if (text.isEmpty()) {
                empty.add(e.getKey());
            } else {
                properties.put(e.getKey(), text);
            }
        }
        putIfPresent(properties, JmsPropertyKeys.PROPERTY_TYPES, PropertyTypes.encode(values));
        if (empty.length() > 0) {
            properties.put(JmsPropertyKeys.EMPTY_STRINGS, empty.toString());
        }
    }

    /** RocketMQ's property string cannot escape its two separator characters. */
    private static void checkSeparators(String name, String text) throws MessageFormatException {
        if (text.indexOf(MessageProperties.NAME_VALUE_SEPARATOR) >= 0
                || text.indexOf(MessageProperties.PROPERTY_SEPARATOR) >= 0) {
            throw new MessageFormatException(
                    "property " + name + " holds U+0001 or U+0002, which RocketMQ cannot carry");
        }
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value)
            throws MessageFormatException {
        if (value != null) {
            checkSeparators(key, value);
            properties.put(key, value);
        }
    }
}

package dev.bolide.client.jms.mapping;

import dev.bolide.protocol.jms.JmsWireProperties;

/**
 * The RocketMQ properties that carry Jakarta Messaging headers and body types. {@code JMS_} is
 * the prefix the specification reserves for provider properties, {@code BOLIDE_} marks what only
 * Bolide reads; clients can set neither.
 */
public final class JmsPropertyKeys {
    public static final String BODY_TYPE = JmsWireProperties.BODY_TYPE;
    public static final String PROPERTY_TYPES = "BOLIDE_JMS_TYPES";
    /** String properties whose value is empty: RocketMQ drops empty values from its properties. */
    public static final String EMPTY_STRINGS = JmsWireProperties.EMPTY_STRINGS;
    /** Present when a Text or Object body is null rather than empty. */
    public static final String NULL_BODY = "BOLIDE_JMS_NULL_BODY";
    public static final String CORRELATION_ID = "JMS_CORRELATION_ID";
    public static final String CORRELATION_ID_BYTES = "JMS_CORRELATION_ID_BYTES";
    public static final String PRIORITY = "JMS_PRIORITY";
    public static final String DELIVERY_MODE = "JMS_DELIVERY_MODE";
    public static final String EXPIRATION = "JMS_EXPIRATION";
    public static final String REPLY_TO = "JMS_REPLY_TO";
    public static final String DESTINATION = "JMS_DESTINATION";
    /** The id of the connection that sent the message, so that its noLocal consumers can skip it. */
    public static final String CONNECTION_ID = "BOLIDE_JMS_CONNECTION";

    private JmsPropertyKeys() {
    }
}

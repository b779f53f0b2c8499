package dev.bolide.client.jms.message;

/** The message type a RocketMQ body holds, named in the {@code BOLIDE_JMS_BODY} property. */
public enum BodyType {
    NONE, TEXT, BYTES, MAP, STREAM, OBJECT;

    /** The type a property value names; a message without one (a native RocketMQ one) is BYTES. */
    public static BodyType fromProperty(String value) {
        if (value == null) {
            return BYTES;
        }
        for (BodyType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return BYTES;
    }
}

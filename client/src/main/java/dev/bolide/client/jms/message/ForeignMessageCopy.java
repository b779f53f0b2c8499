package dev.bolide.client.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Enumeration;

/**
 * A Bolide copy of a message another provider made: the specification lets a client send any
 * provider's message, so a producer copies it before mapping it. Reading a foreign Bytes or Stream
 * body needs {@code reset()}, which leaves that message at the start of its body.
 */
public final class ForeignMessageCopy {
    private ForeignMessageCopy() {
    }

    public static BolideMessage of(Message foreign) throws JMSException {
        if (foreign instanceof BolideMessage own) {
            return own;
        }
        BolideMessage copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        copyProperties(foreign, copy);
        return copy;
    }

    private static BolideMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new BolideTextMessage(text.getText());
        }
        if (foreign instanceof BytesMessage bytes) {
            return copyBytes(bytes);
        }
        if (foreign instanceof MapMessage map) {
            return copyMap(map);
        }
        if (foreign instanceof StreamMessage stream) {
            return copyStream(stream);
        }
        if (foreign instanceof ObjectMessage object) {
            BolideObjectMessage copy = new BolideObjectMessage();
            copy.setObject(object.getObject());
            return copy;
        }
        return new BolideMessage();
    }

    private static BolideMessage copyBytes(BytesMessage foreign) throws JMSException {
        foreign.reset();
        byte[] body = new byte[(int) foreign.getBodyLength()];
        foreign.readBytes(body);
        foreign.reset();
        BolideBytesMessage copy = new BolideBytesMessage();
        copy.writeBytes(body);
        return copy;
    }

    private static BolideMessage copyMap(MapMessage foreign) throws JMSException {
        BolideMapMessage copy = new BolideMapMessage();
        Enumeration<?> names = foreign.getMapNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            copy.setObject(name, foreign.getObject(name));
        }
        return copy;
    }

    private static BolideMessage copyStream(StreamMessage foreign) throws JMSException {
        foreign.reset();
        BolideStreamMessage copy = new BolideStreamMessage();
        try {
            while (true) {
                copy.writeObject(foreign.readObject());
            }
        } catch (MessageEOFException end) {
            foreign.reset();
        }
        return copy;
    }

    private static void copyHeaders(Message foreign, BolideMessage copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        copy.setJMSCorrelationID(foreign.getJMSCorrelationID());
        copy.setJMSReplyTo(foreign.getJMSReplyTo());
        copy.setJMSDestination(foreign.getJMSDestination());
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        copy.setJMSPriority(foreign.getJMSPriority());
    }

    /** Provider-set JMSX properties belong to the other provider and are left behind. */
    private static void copyProperties(Message foreign, BolideMessage copy) throws JMSException {
        Enumeration<?> names = foreign.getPropertyNames();
        while (names.hasMoreElements()) {
            String property = (String) names.nextElement();
            if (!property.startsWith("JMSX") || property.equals(PropertyNames.GROUP_ID)
                    || property.equals(PropertyNames.GROUP_SEQ)) {
                copy.setObjectProperty(property, foreign.getObjectProperty(property));
            }
        }
    }
}

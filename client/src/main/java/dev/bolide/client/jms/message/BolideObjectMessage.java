package dev.bolide.client.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.ObjectMessage;
import java.io.Serializable;

/**
 * An object message. The object is serialized when it is set (so later changes to it are not
 * sent, as the specification asks) and deserialized through the allow-list on every read.
 */
public class BolideObjectMessage extends BolideMessage implements ObjectMessage {
    private final ObjectAllowList allowList;
    private byte[] serialized;

    public BolideObjectMessage() {
        this(ObjectAllowList.DEFAULT);
    }

    public BolideObjectMessage(ObjectAllowList allowList) {
        this.allowList = allowList;
    }

    public static BolideObjectMessage fromBody(byte[] body, ObjectAllowList allowList) {
        BolideObjectMessage message = new BolideObjectMessage(allowList);
        message.serialized = body;
        return message;
    }

    @Override
    public BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    public byte[] encodeBody() {
        return serialized == null ? null : serialized.clone();
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : ObjectBodyCodec.serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : ObjectBodyCodec.deserialize(serialized, allowList);
    }

    @Override
    protected void clearBodyContent() {
        serialized = null;
    }

    @Override
    protected Object bodyValue() throws JMSException {
        return getObject();
    }
}

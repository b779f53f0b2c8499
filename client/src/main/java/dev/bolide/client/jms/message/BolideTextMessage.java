package dev.bolide.client.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/** A text message; the RocketMQ body is the text in UTF-8. */
public class BolideTextMessage extends BolideMessage implements TextMessage {
    private String text;

    public BolideTextMessage() {
    }

    public BolideTextMessage(String text) {
        this.text = text;
    }

    public static BolideTextMessage fromBody(byte[] body) {
        return new BolideTextMessage(body == null ? null : new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    public byte[] encodeBody() {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    protected void clearBodyContent() {
        text = null;
    }

    @Override
    protected Object bodyValue() {
        return text;
    }
}

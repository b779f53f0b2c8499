package dev.bolide.client.jms.consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.selector.ExpressionType;
import dev.bolide.protocol.selector.Selector;
import dev.bolide.protocol.selector.SelectorSyntaxException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a selector reaches the broker. A Bolide broker filters with the JMS dialect (expression type
 * {@code JMS}); an Apache RocketMQ broker knows only SQL92, so there a selector that SQL92 accepts
 * and that names no JMS header is sent as SQL92, and any other is refused. Which broker it is, the
 * broker says in its answer to CHECK_CLIENT_CONFIG with a {@code JMS} subscription.
 */
public final class SelectorSupport {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern HEADER = Pattern.compile("\\bJMS(DeliveryMode|Priority|MessageID|Timestamp"
            + "|CorrelationID|Type)\\b");

    private SelectorSupport() {
    }

    /** The selector compiled locally; null for none. */
    public static Selector compile(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            return Selector.compileJms(selector);
        } catch (SelectorSyntaxException e) {
            InvalidSelectorException failure = new InvalidSelectorException("invalid message selector '"
                    + selector + "': " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** The subscription of {@code topic} that filters with {@code selector} on the topic's broker. */
    public static Subscription subscription(RocketMqClient client, String group, String topic, Selector selector)
            throws JMSException {
        if (selector == null) {
            return Subscription.all(topic);
        }
        long version = System.currentTimeMillis();
        if (brokerKnowsJms(client, group, topic, selector.expression())) {
            return new Subscription(topic, selector.expression(), ExpressionType.JMS, version);
        }
        if (HEADER.matcher(selector.expression()).find() || !validSql92(selector.expression())) {
            throw new JMSException("JMS selector on a non-Bolide broker is not supported: '"
                    + selector.expression() + "' is not plain SQL92 on properties");
        }
        return new Subscription(topic, selector.expression(), Subscription.SQL92, version);
    }

    private static boolean validSql92(String expression) {
        try {
            Selector.compileSql92(expression);
            return true;
        } catch (SelectorSyntaxException e) {
            return false;
        }
    }

    /** A topic nobody sent to yet has no broker to ask: then Bolide is assumed. */
    private static boolean brokerKnowsJms(RocketMqClient client, String group, String topic, String expression) {
        List<MessageQueue> queues;
        try {
            queues = client.readQueues(topic);
        } catch (RuntimeException e) {
            return true;
        }
        if (queues.isEmpty()) {
            return true;
        }
        byte[] body = checkBody(group, topic, expression);
        int code = client.request(queues.get(0), RequestCode.CHECK_CLIENT_CONFIG, Map.of(),
                body).join().code();
        return code == ResponseCode.SUCCESS;
    }

    /** The CHECK_CLIENT_CONFIG body: RocketMQ's ConsumerRunningInfo-like client config, as far as it is read. */
    private static byte[] checkBody(String group, String topic, String expression) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("group", group);
            json.writeObjectFieldStart("subscriptionData");
            json.writeStringField("topic", topic);
            json.writeStringField("expressionType", ExpressionType.JMS);
            json.writeStringField("subString", expression);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

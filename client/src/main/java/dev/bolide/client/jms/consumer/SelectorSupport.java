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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * How a topic subscription's selector is applied. A Bolide broker with {@code enablePropertyFilter}
 * filters with the JMS dialect (expression type {@code JMS}); a broker that cannot (its property
 * filter off, or an Apache RocketMQ broker, which knows only SQL92, whose rules differ) sends every
 * message and the consumer filters ({@link BolideMessageConsumer}). Which it is, the broker says in
 * its answer to CHECK_CLIENT_CONFIG with a {@code JMS} subscription.
 */
public final class SelectorSupport {
    private static final System.Logger LOG = System.getLogger(SelectorSupport.class.getName());
    private static final JsonFactory JSON = new JsonFactory();

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

    /**
     * The subscription of {@code topic} for {@code selector}: filtered by the topic's broker when it
     * can, else every message. SQL92 is no substitute: where its rules differ from Jakarta
     * Messaging's (a bare boolean property, which is never TRUE there; an empty string, which the
     * wire carries by name only) the broker would drop messages the selector selects.
     */
    public static Subscription subscription(RocketMqClient client, String group, String topic, Selector selector) {
        if (selector == null) {
            return Subscription.all(topic);
        }
        if (brokerKnowsJms(client, group, topic, selector.expression())) {
            return new Subscription(topic, selector.expression(), ExpressionType.JMS, System.currentTimeMillis());
        }
        LOG.log(System.Logger.Level.INFO, "the broker of {0} does not filter JMS selectors: {1} filters ''{2}''"
                + " itself", topic, group, selector.expression());
        return Subscription.all(topic);
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

package dev.bolide.broker.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * CHECK_CLIENT_CONFIG: a push consumer asks, before it starts, whether the broker can serve each
 * of its non-TAG subscriptions. A refusal (property filtering off, an SQL92 or JMS expression that
 * does not compile) makes {@code consumer.start()} fail with the reason, rather than the consumer
 * waiting for nothing.
 */
public final class CheckClientConfigProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final SubscriptionFilters filters;

    public CheckClientConfigProcessor(SubscriptionFilters filters) {
        this.filters = filters;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        RemotingCommand response;
        try {
            String[] subscription = subscription(request.body());
            filters.check(subscription[0], subscription[1]);
            response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
        } catch (FilterRefusedException e) {
            response = RemotingCommand.responseTo(request, e.responseCode(), e.getMessage(), null, null);
        } catch (IOException | IllegalArgumentException e) {
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "CHECK_CLIENT_CONFIG body is not a client config: " + e.getMessage(), null, null);
        }
        return CompletableFuture.completedFuture(response);
    }

    /** {expressionType, subString} of the body's {@code subscriptionData}. */
    private static String[] subscription(byte[] body) throws IOException {
        if (body == null) {
            throw new IllegalArgumentException("no body");
        }
        String[] subscription = {null, null};
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() == JsonToken.START_OBJECT && field.equals("subscriptionData")) {
                    readSubscription(json, subscription);
                } else {
                    json.skipChildren();
                }
            }
        }
        if (subscription[1] == null) {
            throw new IllegalArgumentException("no subscriptionData.subString");
        }
        return subscription;
    }

    private static void readSubscription(JsonParser json, String[] subscription) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "expressionType" -> subscription[0] = json.getValueAsString();
                case "subString" -> subscription[1] = json.getValueAsString();
                default -> json.skipChildren();
            }
        }
    }
}

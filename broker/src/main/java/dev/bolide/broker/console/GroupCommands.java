package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.admin.OffsetReset;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code POST /groups/reset} ({@code group}, {@code topic}, {@code time}), the Consumer groups
 * page's form: moves the group's offsets on the topic to the message stored nearest to the time,
 * as mqadmin's {@code resetOffsetByTime} (forced, its default) through
 * INVOKE_BROKER_TO_RESET_OFFSET does ({@link OffsetReset}): the live members are told and consume
 * again from there; with none online the stored offsets are rewritten, as mqadmin then does. Then
 * back to the page (303); a missing field, a bad time, an unknown topic or a group without offsets
 * on it gets 400 with the reason. Under access control only an admin account gets here
 * ({@link AclAuthenticator}).
 */
final class GroupCommands implements HttpHandler {
    private final OffsetReset reset;
    private final ConsumerOffsets offsets;

    GroupCommands(OffsetReset reset, ConsumerOffsets offsets) {
        this.reset = reset;
        this.offsets = offsets;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.allows(exchange, "POST")) {
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/groups/reset")) {
                exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
                return;
            }
            Map<String, String> form = Forms.fields(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            try {
                resetByTime(required(form, "group"), required(form, "topic"), timestamp(required(form, "time")));
            } catch (IllegalArgumentException e) {
                Responses.text(exchange, HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
                return;
            }
            exchange.getResponseHeaders().set("Location", "/groups");
            exchange.sendResponseHeaders(HttpURLConnection.HTTP_SEE_OTHER, -1);
        }
    }

    private void resetByTime(String group, String topic, long timestamp) {
        OffsetReset.Outcome outcome = reset.reset(topic, group, timestamp, true);
        if (outcome.code() == ResponseCode.CONSUMER_NOT_ONLINE) {
            outcome.targets().forEach((queueId, offset) -> offsets.commit(group, topic, queueId, offset));
        } else if (outcome.code() != ResponseCode.SUCCESS) {
            throw new IllegalArgumentException(outcome.remark());
        }
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field + " given");
        }
        return value;
    }

    /** An ISO-8601 instant ({@code 2026-12-07T04:00:00Z}) or milliseconds since the epoch, as epoch ms. */
    private static long timestamp(String time) {
        try {
            return time.chars().allMatch(Character::isDigit) ? Long.parseLong(time)
                    : Instant.parse(time).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("time must be an instant such as 2026-12-07T04:00:00Z or milliseconds"
                    + " since the epoch, not '" + time + "'");
        }
    }
}

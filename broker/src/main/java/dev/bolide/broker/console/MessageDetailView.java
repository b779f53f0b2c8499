package dev.bolide.broker.console;

import dev.bolide.protocol.jms.JmsWireProperties;
import dev.bolide.protocol.message.PropertyKeys;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * One message: where and when it was stored, who sent it, its properties and its body, as text
 * when the body is UTF-8, else in hex; a message from Bolide's JMS client also shows its JMS body
 * type; and its trace, when its clients wrote one.
 */
final class MessageDetailView implements View {
    /** More of a body than a page should carry. */
    private static final int BODY_SHOWN = 64 * 1024;

    private final StoredMessage message;
    private final List<MessageTrace.Event> trace;
    private final List<String> traceTopics;

    /** @param trace the message's trace, oldest first ({@link MessageTrace}) */
    /** @param traceTopics where {@code trace} was read from */
    MessageDetailView(StoredMessage message, List<MessageTrace.Event> trace, List<String> traceTopics) {
        this.message = message;
        this.trace = trace;
        this.traceTopics = traceTopics;
    }

    @Override
    public String title() {
        return "Message " + message.offsetMessageId();
    }

    @Override
    public List<Table> tables() {
        List<List<Cell>> fields = new ArrayList<>(List.of(row("topic", message.topic()),
                row("queue", Integer.toString(message.queueId())),
                row("queue offset", Long.toString(message.queueOffset())),
                row("CommitLog offset", Long.toString(message.commitLogOffset())),
                row("unique key", message.property(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID)),
                row("store time", Instant.ofEpochMilli(message.storeTimestamp()).toString()),
                row("born time", Instant.ofEpochMilli(message.bornTimestamp()).toString()),
                row("born host", message.bornHost().getAddress().getHostAddress() + ":"
                        + message.bornHost().getPort()),
                row("reconsume times", Integer.toString(message.reconsumeTimes()))));
        if (message.properties().containsKey(JmsWireProperties.BODY_TYPE)) {
            fields.add(row("JMS body type", message.property(JmsWireProperties.BODY_TYPE)));
        }
        List<List<Cell>> properties = new ArrayList<>();
        new TreeMap<>(message.properties()).forEach((name, value) -> properties.add(row(name, value)));
        return List.of(new Table("Message", List.of("field", "value"), fields),
                new Table(properties.size() + " properties", List.of("name", "value"), properties), body(), trace());
    }

    private Table trace() {
        List<List<Cell>> rows = new ArrayList<>();
        for (MessageTrace.Event event : trace) {
            rows.add(List.of(Cell.fixed(event.time() < 0 ? "-" : Instant.ofEpochMilli(event.time()).toString()),
                    Cell.fixed(event.type()), Cell.fixed(event.group()), Cell.fixed(event.what())));
        }
        return new Table("Trace (" + String.join(", ", traceTopics) + "), " + rows.size() + " events",
                List.of("time", "event", "group", "what"), rows);
    }

    private Table body() {
        byte[] body = message.body();
        byte[] shown = body.length > BODY_SHOWN ? Arrays.copyOf(body, BODY_SHOWN) : body;
        String text = utf8(shown);
        String caption = "Body, " + body.length + " bytes" + (text == null ? ", in hex" : ", UTF-8 text")
                + (shown.length < body.length ? ", the first " + shown.length + " shown" : "");
        return new Table(caption, List.of("body"), List.of(List.of(new Cell("body", text == null
                ? HexFormat.of().formatHex(shown) : text, null, false))));
    }

    /** The bytes as text, or null when they are not UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static List<Cell> row(String name, String value) {
        return List.of(Cell.fixed(name), Cell.fixed(value));
    }
}

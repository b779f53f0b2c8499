package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bolide.broker.fixture.LoopbackBroker;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every way of sending promises, run against each of them (a plain session, a transacted
 * session, an XA branch): sends to one queue arrive in the order they were made, synchronous or
 * asynchronous; each message group arrives in send order; sends whose bodies add up to more than the
 * broker's {@code maxMessageSize} all arrive, in order; and a message the broker cannot take fails
 * where the path reports outcomes (the send, or the completion) without losing or reordering the
 * others. A subclass says how its path sends and completes.
 */
abstract class SendPathContract extends JmsTestBase {
    private static final long WAIT = 10_000;

    /**
     * A session of this path, with what makes its sends visible.
     *
     * @param completion commit, or end + prepare + commit of the branch; nothing for a plain session
     */
    record SendingSession(Session session, Completion completion) {
        void complete() throws Exception {
            completion.complete();
        }
    }

    /** Makes a session's sends so far visible. */
    @FunctionalInterface
    interface Completion {
        void complete() throws Exception;
    }

    /** A new session of this path, on a connection of its own, ready to send. */
    abstract SendingSession open() throws Exception;

    @Test
    void sendsToOneQueueArriveInSendOrder() throws Exception {
        SendingSession sending = open();
        Queue queue = sending.session().createQueue(fresh("one-queue", 1));
        List<String> sent = texts("m", 60);

        try (MessageProducer producer = sending.session().createProducer(queue)) {
            for (String text : sent) {
                producer.send(sending.session().createTextMessage(text));
            }
        }
        sending.complete();

        assertThat(receiveAll(queue, sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void asynchronousSendsToOneQueueArriveInSendOrder() throws Exception {
        SendingSession sending = open();
        Queue queue = sending.session().createQueue(fresh("async-queue", 1));
        List<String> sent = texts("a", 60);
        List<CompletableFuture<Message>> completions = new ArrayList<>();

        try (MessageProducer producer = sending.session().createProducer(queue)) {
            for (String text : sent) {
                CompletableFuture<Message> completion = new CompletableFuture<>();
                producer.send(sending.session().createTextMessage(text), completing(completion));
                completions.add(completion);
            }
            CompletableFuture.allOf(completions.toArray(CompletableFuture[]::new)).get(WAIT, TimeUnit.MILLISECONDS);
        }
        sending.complete();

        assertThat(receiveAll(queue, sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void eachGroupArrivesInSendOrder() throws Exception {
        SendingSession sending = open();
        Queue queue = sending.session().createQueue(fresh("groups"));
        Map<String, List<String>> sentByGroup = new LinkedHashMap<>();

        try (MessageProducer producer = sending.session().createProducer(queue)) {
            for (int i = 0; i < 20; i++) {
                for (String group : List.of("A", "B", "C")) {
                    TextMessage message = sending.session().createTextMessage(group + "-" + i);
                    message.setStringProperty("JMSXGroupID", group);
                    producer.send(message);
                    sentByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(message.getText());
                }
            }
        }
        sending.complete();

        Map<String, List<String>> receivedByGroup = new LinkedHashMap<>();
        for (String text : receiveAll(queue, 60)) {
            receivedByGroup.computeIfAbsent(text.substring(0, 1), g -> new ArrayList<>()).add(text);
        }
        assertThat(receivedByGroup).isEqualTo(sentByGroup);
    }

    /** 24 random bodies of a quarter of the broker's maxMessageSize: six times it in all. */
    @Test
    void sendsAddingUpToMoreThanTheBrokersMaxMessageSizeAllArriveInOrder() throws Exception {
        SendingSession sending = open();
        Queue queue = sending.session().createQueue(fresh("large", 1));
        List<String> sent = new ArrayList<>();

        try (MessageProducer producer = sending.session().createProducer(queue)) {
            for (int i = 0; i < 24; i++) {
                sent.add(send(producer, sending.session(), "large-" + i, LoopbackBroker.MAX_MESSAGE_SIZE / 4));
            }
        }
        sending.complete();

        assertThat(receiveAll(queue, sent.size())).containsExactlyElementsOf(sent);
    }

    /**
     * A body over maxMessageSize fails its send, or the completion of a path that reports outcomes
     * there; what the path completed before is delivered in order, and the path goes on sending.
     */
    @Test
    void aMessageTooLargeForTheBrokerFailsAndTheOthersStayInOrder() throws Exception {
        SendingSession sending = open();
        Queue queue = sending.session().createQueue(fresh("too-large", 1));
        List<String> expected = texts("before-", 5);

        try (MessageProducer producer = sending.session().createProducer(queue)) {
            for (String text : expected) {
                producer.send(sending.session().createTextMessage(text));
            }
            sending.complete();
            Throwable refused = catchThrowable(() -> {
                send(producer, sending.session(), "too-large", LoopbackBroker.MAX_MESSAGE_SIZE + 1);
                sending.complete();
            });
            assertThat(refused).as("the oversized message's send or completion").isNotNull();
            producer.send(sending.session().createTextMessage("after"));
            expected.add("after");
        }
        sending.complete();

        assertThat(receiveAll(queue, expected.size())).containsExactlyElementsOf(expected);
        assertThat(receiving().createConsumer(queue).receive(1_000)).as("anything more").isNull();
    }

    /**
     * Sends {@code size} random bytes, which the client's compression cannot shrink under the
     * broker's limit, named {@code name}.
     *
     * @return how {@link #receiveAll} shows the message: its name and the hash of its body
     */
    private static String send(MessageProducer producer, Session session, String name, int size) throws Exception {
        byte[] body = new byte[size];
        ThreadLocalRandom.current().nextBytes(body);
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        message.setStringProperty("name", name);
        producer.send(message);
        return name + "#" + Arrays.hashCode(body);
    }

    private static List<String> texts(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    private static CompletionListener completing(CompletableFuture<Message> completion) {
        return new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completion.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                completion.completeExceptionally(exception);
            }
        };
    }

    /**
     * {@code count} messages received from {@code queue} in arrival order, each shown as its text, or
     * a bytes message as the name and body hash {@link #send} returned.
     */
    private List<String> receiveAll(Queue queue, int count) throws Exception {
        MessageConsumer consumer = receiving().createConsumer(queue);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = consumer.receive(WAIT);
            assertThat(message).as("message %d of %d (received so far: %s)", i + 1, count, received).isNotNull();
            received.add(message instanceof TextMessage text ? text.getText()
                    : message.getStringProperty("name") + "#" + Arrays.hashCode(message.getBody(byte[].class)));
        }
        return received;
    }

    private Session receiving() throws Exception {
        Connection connection = connection();
        return connection.createSession(Session.AUTO_ACKNOWLEDGE);
    }
}

package dev.bolide.ra;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * What a queue holds, as a client outside the container sees it through a browser. Plain JDK and
 * Jakarta Messaging, so that the in-container tests can use it too (their archive has no Awaitility).
 */
public final class QueueContents {
    /** Generous: the broker makes sends readable asynchronously, and Payara shares two cores. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The text {@link #afterALaterSend} sends. */
    public static final String LATER = "later";

    private QueueContents() {
    }

    /** The texts {@code queue} holds now. */
    public static List<String> browse(Connection connection, String queue) throws JMSException {
        Session session = connection.createSession();
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            List<String> texts = new ArrayList<>();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                texts.add(((TextMessage) messages.nextElement()).getText());
            }
            return texts;
        } finally {
            session.close();
        }
    }

    /**
     * The texts {@code queue} holds once a message sent now, after whatever was sent to it before, is
     * readable: a send that was to stay invisible is visible by then if it ever will be.
     */
    public static List<String> afterALaterSend(Connection connection, String queue)
            throws JMSException, InterruptedException {
        Session session = connection.createSession();
        try {
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(LATER));
        } finally {
            session.close();
        }
        return awaitText(connection, queue, LATER);
    }

    /** The texts {@code queue} holds once it holds {@code text}; fails if it does not come. */
    public static List<String> awaitText(Connection connection, String queue, String text)
            throws JMSException, InterruptedException {
        return awaitText(connection, queue, text, PATIENCE);
    }

    /** The texts {@code queue} holds once it holds {@code text}; fails if it does not come within {@code patience}. */
    public static List<String> awaitText(Connection connection, String queue, String text, Duration patience)
            throws JMSException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> texts = browse(connection, queue);
        while (!texts.contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' did not arrive in " + queue + ", which holds " + texts);
            }
            Thread.sleep(100);
            texts = browse(connection, queue);
        }
        return texts;
    }
}

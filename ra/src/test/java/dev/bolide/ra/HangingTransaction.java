package dev.bolide.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.crash.CommitBlockingResource;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the crash tests of every server share: the archive whose payment hangs in its commit phase
 * ({@code dev.bolide.ra.crash}), the request that starts it, the wait for the hang, and a plain
 * client's view of the embedded broker (prepared branches, queue contents).
 */
final class HangingTransaction {
    private static final Duration MARKER_PATIENCE = Duration.ofMinutes(1);
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(30);
    /** How long after the marker a message given back through the retry topic is waited for. */
    private static final Duration REDELIVERY_WATCH = Duration.ofSeconds(5);

    private HangingTransaction() {
    }

    /** The crash archive, {@code crash.war} (context root {@code /crash}), written to {@code war}. */
    static Path exportArchive(Path war) {
        return export(archive(), war);
    }

    /**
     * The crash archive with the classes of {@code extra}'s package and {@code descriptor} (a test
     * resource) as its {@code WEB-INF/}{@code name}, written to {@code war}.
     */
    static Path exportArchive(Path war, Class<?> extra, String descriptor, String name) {
        return export(archive().addPackage(extra.getPackage()).addAsWebInfResource(descriptor, name), war);
    }

    /** The crash archive with the classes of {@code extra}'s package, written to {@code war}. */
    static Path exportArchive(Path war, Class<?> extra) {
        return export(archive().addPackage(extra.getPackage()), war);
    }

    private static WebArchive archive() {
        return ShrinkWrap.create(WebArchive.class, "crash.war").addPackage(CommitBlockingResource.class.getPackage());
    }

    private static Path export(WebArchive archive, Path war) {
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /**
     * Starts the payment that receives a message from {@code input}, sends {@code text} to
     * {@code queue} and then hangs in commit; answers only if it did not hang.
     */
    static CompletableFuture<HttpResponse<String>> pay(int httpPort, String input, String queue, String text) {
        return post(httpPort, "/crash/pay?input=" + input + "&queue=" + queue + "&text=" + text);
    }

    /** The same payment, hanging in prepare instead: after the Bolide branch is prepared, before any decision. */
    static CompletableFuture<HttpResponse<String>> payHangingInPrepare(int httpPort, String input, String queue,
            String text) {
        return post(httpPort, "/crash/pay?input=" + input + "&queue=" + queue + "&text=" + text + "&hang=prepare");
    }

    private static CompletableFuture<HttpResponse<String>> post(int httpPort, String pathAndQuery) {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Until the transaction hangs in its commit phase ({@code marker} exists); fails at once if the request came back instead. */
    static void awaitMarker(Path marker, ServerProcess server, CompletableFuture<HttpResponse<String>> payment)
            throws Exception {
        long deadline = System.nanoTime() + MARKER_PATIENCE.toNanos();
        while (!Files.exists(marker)) {
            if (payment.isDone()) {
                throw new AssertionError("the payment request ended instead of hanging in commit: "
                        + payment.handle((response, failure) -> failure != null ? failure
                                : response.statusCode() + " " + response.body()).get() + "\n" + server.log());
            }
            assertTrue(System.nanoTime() < deadline, "the transaction never reached its commit phase:\n" + server.log());
            Thread.sleep(100);
        }
    }

    /** Until a transaction the test did not start (a message-driven bean's delivery) hangs ({@code marker} exists). */
    static void awaitMarker(Path marker, ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + MARKER_PATIENCE.toNanos();
        while (!Files.exists(marker)) {
            assertTrue(System.nanoTime() < deadline, "the transaction never hung:\n" + server.log());
            Thread.sleep(100);
        }
    }

    /** Until BRANCH_RECOVER lists nothing: recovery has decided every branch. */
    static void awaitNoPreparedBranch(String nameServer, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        for (List<Xid> prepared = preparedBranches(nameServer); !prepared.isEmpty();
                prepared = preparedBranches(nameServer)) {
            assertTrue(System.nanoTime() < deadline, "recovery left the branches prepared: " + prepared);
            Thread.sleep(250);
        }
    }

    /**
     * What BRANCH_RECOVER lists, asked by a plain client of the embedded broker. Asked again while it
     * fails: a server just started on loaded cores may take longer than the client's 3 s to answer
     * its first cluster query (seen with WildFly at load 18).
     */
    static List<Xid> preparedBranches(String nameServer) throws Exception {
        long deadline = System.nanoTime() + ANSWER_PATIENCE.toNanos();
        while (true) {
            try (XAConnection connection = new BolideConnectionFactory(nameServer).createXAConnection()) {
                XAResource resource = connection.createXASession().getXAResource();
                return List.of(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
            } catch (XAException | JMSException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** {@code text} sent to {@code queue} by a plain client, for the payment to receive. */
    static void send(String nameServer, String queue, String text) throws JMSException {
        try (Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
            Session session = outside.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    /**
     * The texts {@code queue}'s group is delivered, by a plain client's consumer, before a message
     * sent now ({@link QueueContents#LATER}) and in {@link #REDELIVERY_WATCH} after it. A message
     * that must not be delivered again can only be shown absent by waiting for it: the marker bounds
     * the wait by a condition (the group's pulls have reached the queue's end), and the watch after it
     * catches a message given back through the group's retry topic, which comes in no order with the
     * marker.
     */
    static List<String> deliveredUpToALaterSend(String nameServer, String queue) throws JMSException {
        try (Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
            outside.start();
            Session session = outside.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(QueueContents.LATER));
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            List<String> delivered = new ArrayList<>();
            boolean markerSeen = false;
            for (Message next = consumer.receive(ANSWER_PATIENCE.toMillis()); next != null;
                    next = consumer.receive(markerSeen ? REDELIVERY_WATCH.toMillis() : ANSWER_PATIENCE.toMillis())) {
                String text = ((TextMessage) next).getText();
                markerSeen |= QueueContents.LATER.equals(text);
                if (!QueueContents.LATER.equals(text)) {
                    delivered.add(text);
                }
            }
            assertTrue(markerSeen, "the marker sent to " + queue + " never came; before it came " + delivered);
            return delivered;
        }
    }

    /**
     * What a branch rolled back by recovery leaves: its send to {@code queue} never visible, and what
     * it received from {@code input}, {@code received}, delivered again once.
     */
    static void assertRolledBack(String nameServer, String queue, String input, String received) throws Exception {
        try (Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
            assertEquals(List.of(QueueContents.LATER), QueueContents.afterALaterSend(outside, queue),
                    "the rolled back send is visible");
        }
        assertEquals(List.of(received), deliveredUpToALaterSend(nameServer, input),
                "the message received in the rolled back branch is not delivered again, once");
    }

    static List<String> browse(String nameServer, String queue) throws JMSException {
        try (Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
            return QueueContents.browse(outside, queue);
        }
    }

    /** {@code directory} emptied (created if missing). */
    static void emptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
    }
}

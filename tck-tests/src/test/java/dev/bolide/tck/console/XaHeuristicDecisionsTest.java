package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A prepared XA branch an operator decides from the console, in place of a transaction manager
 * gone for good, is heuristic, as the XA specification has it: the launched broker keeps it listed by
 * recover, across a kill -9 too; the Bolide JMS client's XAResource reports the transaction
 * manager's later commit or rollback as XA_HEURCOM or XA_HEURRB, and its forget removes the branch;
 * {@code bolide_xa_branches{state}} counts the heuristic states, and
 * {@code bolide_transactions_half_pending} a branch's messages only until it is decided.
 */
class XaHeuristicDecisionsTest {
    private static final String TOPIC = "XaByHand";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger BRANCHES = new AtomicInteger();

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();
    private static final Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();

    @BeforeAll
    static void consumer() throws Exception {
        // the topic exists before the consumer subscribes
        fixture.producer.send(new Message(TOPIC, "plain".getBytes(StandardCharsets.UTF_8)));
        DefaultMQPushConsumer consumer = fixture.broker.startConsumer("XaByHandReaders", TOPIC, received);
        fixture.closeLater(consumer::shutdown);
    }

    @Test
    void committedByHandThenCommittedByTheManagerIsHeurcomUntilForgotten() throws Exception {
        try (XaClient client = new XaClient()) {
            double pendingBefore = halfPending();
            BranchId xid = client.prepared("hand-committed");
            double before = branches("HEURISTIC_COMMITTED");
            assertThat(halfPending()).isEqualTo(pendingBefore + 1);

            decideOnThePage("commit", xid);

            assertThat(halfPending()).as("delivered: no longer pending").isEqualTo(pendingBefore);
            await().atMost(WAIT).until(() -> received.containsKey("hand-committed"));
            assertThat(branches("HEURISTIC_COMMITTED")).isEqualTo(before + 1);
            assertThat(client.recovered()).contains(xid.text());
            assertThat(xaError(() -> client.resource.commit(xid, false))).isEqualTo(XAException.XA_HEURCOM);
            assertThat(client.recovered()).as("a heuristic branch stays until forgotten").contains(xid.text());

            client.resource.forget(xid);

            assertThat(client.recovered()).doesNotContain(xid.text());
            assertThat(branches("HEURISTIC_COMMITTED")).isEqualTo(before);
        }
    }

    @Test
    void aBranchItsManagerDecidesIsNoLongerPending() throws Exception {
        try (XaClient client = new XaClient()) {
            double pendingBefore = halfPending();
            BranchId committed = client.prepared("manager-committed");
            BranchId rolledBack = client.prepared("manager-rolled-back");
            assertThat(halfPending()).isEqualTo(pendingBefore + 2);

            client.resource.commit(committed, false);
            client.resource.rollback(rolledBack);

            assertThat(halfPending()).isEqualTo(pendingBefore);
            await().atMost(WAIT).until(() -> received.containsKey("manager-committed"));
        }
    }

    @Test
    void committedByHandThenRolledBackByTheManagerIsHeurcom() throws Exception {
        try (XaClient client = new XaClient()) {
            BranchId xid = client.prepared("hand-committed-manager-rolls-back");
            decideOnThePage("commit", xid);

            assertThat(xaError(() -> client.resource.rollback(xid))).isEqualTo(XAException.XA_HEURCOM);
            await().atMost(WAIT).until(() -> received.containsKey("hand-committed-manager-rolls-back"));
            client.resource.forget(xid);
            assertThat(client.recovered()).doesNotContain(xid.text());
        }
    }

    @Test
    void rolledBackByHandThenCommittedByTheManagerIsHeurrbAndNothingIsDelivered() throws Exception {
        try (XaClient client = new XaClient()) {
            BranchId xid = client.prepared("hand-rolled-back");
            double before = branches("HEURISTIC_ROLLED_BACK");

            decideOnThePage("rollback", xid);

            assertThat(branches("HEURISTIC_ROLLED_BACK")).isEqualTo(before + 1);
            assertThat(xaError(() -> client.resource.commit(xid, false))).isEqualTo(XAException.XA_HEURRB);
            client.resource.forget(xid);
            assertThat(client.recovered()).doesNotContain(xid.text());
            assertThat(branches("HEURISTIC_ROLLED_BACK")).isEqualTo(before);
            assertNeverDelivered("hand-rolled-back");
        }
    }

    @Test
    void aHeuristicDecisionOutlivesAKillAndIsForgottenByARecoveringManager() throws Exception {
        BranchId xid;
        try (XaClient client = new XaClient()) {
            xid = client.prepared("rolled-back-before-the-kill");
            decideOnThePage("rollback", xid);
        }
        double pending = halfPending();

        fixture.broker.kill();
        fixture.broker.restart();

        // a manager recovering after the restart: its new resource has never seen the branch
        try (XaClient recovering = new XaClient()) {
            await().atMost(WAIT).ignoreExceptions().until(() -> recovering.recovered().contains(xid.text()));
            assertThat(branches("HEURISTIC_ROLLED_BACK")).isGreaterThanOrEqualTo(1);
            assertThat(halfPending()).as("rebuilt by recovery, decided branches left out").isEqualTo(pending);
            assertThat(fixture.http.get("/transactions").body()).contains(xid.text()).contains("HEURISTIC_ROLLED_BACK");
            assertThat(xaError(() -> recovering.resource.commit(xid, false))).isEqualTo(XAException.XA_HEURRB);

            recovering.resource.forget(xid);

            assertThat(recovering.recovered()).doesNotContain(xid.text());
        }
        assertNeverDelivered("rolled-back-before-the-kill");
    }

    @Test
    void onlyAPreparedBranchIsDecidedByHandAndOnlyAHeuristicOneForgotten() throws Exception {
        try (XaClient client = new XaClient()) {
            BranchId xid = client.prepared("decided-twice");
            assertThat(decideOnThePage("forget", xid)).contains("not decided heuristically");
            assertThat(decideOnThePage("rollback", xid)).isEqualTo("XA branch " + xid.text()
                    + " rolled back heuristically");

            assertThat(decideOnThePage("commit", xid)).isEqualTo("XA branch " + xid.text()
                    + " is heuristic rolled back");
            assertThat(decideOnThePage("forget", xid)).isEqualTo("XA branch " + xid.text() + " forgotten");
            assertThat(client.recovered()).doesNotContain(xid.text());
        }
    }

    /** POSTs the Transactions page's button for the branch; what the page then says. */
    private static String decideOnThePage(String decision, BranchId xid) throws Exception {
        HttpResponse<String> answer = fixture.http.postFormOf("/transactions", "/transactions/xa/" + decision
                + "?branch=" + xid.text(), "");
        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf("done=") + 5), StandardCharsets.UTF_8);
    }

    /** After a later plain message arrived on the topic, the branch's message has not: it was discarded. */
    private static void assertNeverDelivered(String body) throws Exception {
        String marker = body + "-marker";
        fixture.producer.send(new Message(TOPIC, marker.getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> received.containsKey(marker));
        assertThat(received).doesNotContainKey(body);
    }

    private static double halfPending() throws Exception {
        return PrometheusText.parse(fixture.http.get("/metrics").body()).gauge("bolide_transactions_half_pending",
                Map.of());
    }

    private static double branches(String state) throws Exception {
        return PrometheusText.parse(fixture.http.get("/metrics").body()).gauge("bolide_xa_branches",
                Map.of("state", state));
    }

    private interface XaCall {
        void run() throws XAException;
    }

    /** The error code of the XAException the call throws. */
    private static int xaError(XaCall call) {
        try {
            call.run();
        } catch (XAException e) {
            return e.errorCode;
        }
        throw new AssertionError("no XAException");
    }

    /** A Bolide JMS XA connection, as a transaction manager enlists it, with its XAResource. */
    private static final class XaClient implements AutoCloseable {
        private final XAConnection connection;
        private final XASession session;
        final XAResource resource;

        XaClient() throws JMSException {
            connection = new BolideConnectionFactory(fixture.broker.nameServerAddress()).createXAConnection();
            connection.start();
            session = connection.createXASession();
            resource = session.getXAResource();
        }

        /** A new branch, one text message sent in it, prepared. */
        BranchId prepared(String text) throws Exception {
            BranchId xid = BranchId.parse("4660:" + String.format("%08x", System.nanoTime() & 0xffffffffL) + ":"
                    + String.format("%02x", BRANCHES.incrementAndGet()));
            resource.start(xid, XAResource.TMNOFLAGS);
            session.createProducer(session.createQueue(TOPIC)).send(session.createTextMessage(text));
            resource.end(xid, XAResource.TMSUCCESS);
            assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
            return xid;
        }

        List<String> recovered() throws XAException {
            return Arrays.stream(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                    .map(BranchId::format).toList();
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }
}

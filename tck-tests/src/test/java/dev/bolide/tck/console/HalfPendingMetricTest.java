package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bolide_transactions_half_pending} of the launched broker, fed by a real rocketmq-client
 * 4.9.8 TransactionMQProducer: it moves by exactly the transactions sent undecided, not by those
 * committed or rolled back at once, nor by the check pass's copies of the undecided ones; by exactly
 * those decided from the console; and a broker killed and started again counts the same.
 */
class HalfPendingMetricTest {
    private static final String GAUGE = "bolide_transactions_half_pending";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern COMMIT = Pattern.compile("/transactions/commit\\?offset=(\\d+)");

    /** Checked back every second, a second after it was sent, never moved aside during the test. */
    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture("transactionCheckInterval = 1000",
            "transactionTimeout = 1000", "transactionCheckMax = 100000");

    @Test
    void theGaugeCountsExactlyTheUndecidedTransactionsAcrossCheckBacksDecisionsAndARestart() throws Exception {
        assertThat(halfPending()).isZero();
        AtomicInteger checkBacks = new AtomicInteger();
        TransactionMQProducer producer = new TransactionMQProducer("HalfCounted");
        producer.setNamesrvAddr(fixture.broker.nameServerAddress());
        producer.setInstanceName("half-counted-" + System.nanoTime());
        ConsoleFixture.patient(producer);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return (LocalTransactionState) argument;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checkBacks.incrementAndGet();
                return LocalTransactionState.UNKNOW;
            }
        });
        producer.start();
        fixture.closeLater(producer::shutdown);

        send(producer, 3, LocalTransactionState.COMMIT_MESSAGE);
        send(producer, 2, LocalTransactionState.ROLLBACK_MESSAGE);
        send(producer, 6, LocalTransactionState.UNKNOW);

        await().atMost(WAIT).until(() -> halfPending() == 6);
        // every undecided transaction checked back at least twice: two copies each in the half queue
        await().atMost(WAIT).until(() -> checkBacks.get() >= 12);
        assertThat(halfPending()).isEqualTo(6);

        List<String> commits = commitActions();
        assertThat(commits).hasSize(6);
        assertThat(fixture.http.postFormOf("/topics", commits.get(0), "").statusCode()).isEqualTo(303);
        assertThat(fixture.http.postFormOf("/topics", commits.get(1).replace("/commit", "/rollback"), "")
                .statusCode()).isEqualTo(303);
        assertThat(fixture.http.postFormOf("/topics", commits.get(0), "").headers().firstValue("Location"))
                .as("a second decision appends no op record").hasValue("/transactions?done=decided+before");
        assertThat(halfPending()).isEqualTo(4);

        fixture.broker.kill();
        fixture.broker.restart();

        assertThat(halfPending()).as("rebuilt by recovery").isEqualTo(4);
    }

    private static void send(TransactionMQProducer producer, int count, LocalTransactionState decision)
            throws Exception {
        for (int i = 0; i < count; i++) {
            producer.sendMessageInTransaction(new Message("HalfCounted", (decision + "-" + i)
                    .getBytes(StandardCharsets.UTF_8)), decision);
        }
    }

    /** The Transactions page's commit buttons, once it lists every undecided transaction. */
    private static List<String> commitActions() throws Exception {
        List<String> actions = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            actions.clear();
            Matcher commit = COMMIT.matcher(fixture.http.get("/transactions").body());
            while (commit.find()) {
                actions.add(commit.group());
            }
            return actions.size() == 6;
        });
        return actions;
    }

    private static double halfPending() throws Exception {
        HttpResponse<String> scrape = fixture.http.get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return PrometheusText.parse(scrape.body()).gauge(GAUGE, Map.of());
    }
}

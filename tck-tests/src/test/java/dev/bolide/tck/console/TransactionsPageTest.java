package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.XaBranches;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Transactions page in headless Chromium: half messages of a real rocketmq-client 4.9.8
 * TransactionMQProducer whose checker always answers UNKNOW are listed undecided; committed from
 * the page one reaches a consumer, rolled back the other leaves the list. An XA branch the Bolide
 * JMS client prepared, rolled back from the page, is shown rolled back heuristically and still
 * recovered; forgotten from the page, it is gone and no longer recovered.
 */
class TransactionsPageTest {
    private static final String TOPIC = "Pending";

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();
    private static TransactionMQProducer producer;
    private static final Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();

    @BeforeAll
    static void brokerWithAnUndecidingProducerAndABrowser() throws Exception {
        producer = new TransactionMQProducer("Undecided");
        producer.setNamesrvAddr(fixture.broker.nameServerAddress());
        producer.setInstanceName("undecided-" + System.nanoTime());
        ConsoleFixture.patient(producer);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.UNKNOW;
            }
        });
        producer.start();
        fixture.closeLater(producer::shutdown);
        // the topic exists before the consumer subscribes
        fixture.producer.send(new Message(TOPIC, "plain".getBytes(StandardCharsets.UTF_8)));
        DefaultMQPushConsumer consumer = fixture.broker.startConsumer("PendingReaders", TOPIC, received);
        fixture.closeLater(consumer::shutdown);
    }

    @Test
    void anUndecidedTransactionCommittedFromThePageArrivesAtTheConsumer() throws Exception {
        SendResult sent = sendUndecided("to-commit");

        String row = awaitListed(sent).getText();
        assertThat(row).contains(TOPIC).contains("Undecided").contains(" s ");
        fixture.chromium.screenshot("transactions");
        fixture.chromium.driver().findElement(By.xpath("//tr[td[.='" + sent.getMsgId()
                + "']]//button[.='Commit']")).click();

        fixture.chromium.waiting().until(driver -> driver.findElement(By.id("done")).getText().equals("committed"));
        assertThat(fixture.chromium.driver().findElements(By.xpath("//td[.='" + sent.getMsgId() + "']")))
                .isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey("to-commit"));
    }

    @Test
    void anUndecidedTransactionRolledBackFromThePageLeavesTheListAndASecondDecisionChangesNothing()
            throws Exception {
        SendResult sent = sendUndecided("to-roll-back");
        String commit = awaitListed(sent).findElement(By.xpath(".//button[.='Commit']/..")).getAttribute("action");

        fixture.chromium.driver().findElement(By.xpath("//tr[td[.='" + sent.getMsgId()
                + "']]//button[.='Roll back']")).click();

        fixture.chromium.waiting().until(driver -> driver.findElement(By.id("done")).getText()
                .equals("rolled back"));
        assertThat(fixture.chromium.driver().findElements(By.xpath("//td[.='" + sent.getMsgId() + "']")))
                .isEmpty();
        HttpResponse<String> late = fixture.http.postFormOf("/topics",
                commit.substring(fixture.console.length()), "");
        assertThat(late.statusCode()).isEqualTo(303);
        assertThat(late.headers().firstValue("Location")).hasValue("/transactions?done=decided+before");
    }

    @Test
    void aPreparedXaBranchRolledBackFromThePageIsHeuristicUntilForgottenFromThePage() throws Exception {
        BranchId xid = BranchId.parse("4660:c0ffee:0b");
        try (XAConnection connection = new BolideConnectionFactory(fixture.broker.nameServerAddress())
                .createXAConnection()) {
            connection.start();
            XASession session = connection.createXASession();
            XAResource resource = session.getXAResource();
            resource.start(xid, XAResource.TMNOFLAGS);
            session.createProducer(session.createQueue("XaPending")).send(session.createTextMessage("in doubt"));
            resource.end(xid, XAResource.TMSUCCESS);
            assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);

            fixture.chromium.driver().get(fixture.console + "/transactions");
            String row = fixture.chromium.driver().findElement(By.xpath("//tr[td[.='" + xid.text() + "']]")).getText()
                    .replaceAll("\\s+", " ");
            // state, since, age, one message sent and none received, the two buttons
            assertThat(row).contains(" PREPARED ").endsWith(" s 1 0 Commit Roll back");
            fixture.chromium.screenshot("transactions-xa");
            fixture.chromium.driver().findElement(By.xpath("//tr[td[.='" + xid.text()
                    + "']]//button[.='Roll back']")).click();

            fixture.chromium.waiting().until(driver -> driver.findElement(By.id("done")).getText()
                    .equals("XA branch " + xid.text() + " rolled back heuristically"));
            String decided = fixture.chromium.driver().findElement(By.xpath("//tr[td[.='" + xid.text() + "']]"))
                    .getText().replaceAll("\\s+", " ");
            // heuristic until forgotten: only a Forget button
            assertThat(decided).contains(" HEURISTIC_ROLLED_BACK ").endsWith(" s 1 0 Forget");
            assertThat(Arrays.stream(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                    .map(BranchId::format)).contains(xid.text());
            fixture.chromium.screenshot("transactions-xa-heuristic");
            fixture.chromium.driver().findElement(By.xpath("//tr[td[.='" + xid.text()
                    + "']]//button[.='Forget']")).click();

            fixture.chromium.waiting().until(driver -> driver.findElement(By.id("done")).getText()
                    .equals("XA branch " + xid.text() + " forgotten"));
            assertThat(fixture.chromium.driver().findElements(By.xpath("//td[.='" + xid.text() + "']"))).isEmpty();
            assertThat(Arrays.stream(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                    .map(BranchId::format)).doesNotContain(xid.text());
        }
    }

    /**
     * Transactions across brokers not settled everywhere: a commit decision this broker took as
     * coordinator that a participant (a broker long gone) never confirmed, listed with whom it waits
     * for, and a branch it prepared for a coordinator's decision, listed with its coordinator.
     */
    @Test
    void transactionsAcrossBrokersNotSettledEverywhereAreListed() throws Exception {
        String decided = BranchId.of(BranchId.LOCAL_FORMAT_ID, new byte[] {0x0d}, new byte[] {1}).text();
        String prepared = BranchId.of(BranchId.LOCAL_FORMAT_ID, new byte[] {0x0e}, new byte[] {1}).text();
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(fixture.broker.nameServerAddress()))) {
            XaBranches branches = client.branches();
            String broker = sendHalf(branches, decided);
            sendHalf(branches, prepared);
            branches.commitDecision(broker, decided, 1, List.of("broker-gone"));
            // its own coordinator, which answers UNKNOWN while the branch is prepared: it stays so
            branches.prepareBranch(broker, prepared, 1, List.of(), broker);

            String page = fixture.http.get("/transactions").body();

            assertThat(page).contains("1 commit decisions not confirmed by every participant",
                    "1 branches prepared here awaiting their coordinator")
                    .containsPattern(decided + "</td>.*</td>\\s*<td>broker-gone</td>")
                    .containsPattern(prepared + "</td>\\s*<td>PREPARED</td>");
            branches.rollbackBranch(broker, prepared);
        }
    }

    private static String sendHalf(XaBranches branches, String branch) {
        return branches.sendHalf("CrossBrokerProducers", branch, OutgoingMessage.of("CrossBrokerPending",
                branch.getBytes(StandardCharsets.UTF_8), Map.of()), null).queue().brokerName();
    }

    @Test
    void aDecisionOnSomethingThatIsNoHalfMessageIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> refused = fixture.http.postFormOf("/topics", "/transactions/commit?offset=0", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("no half message at CommitLog offset 0");
    }

    /** The transaction's row, once the half message is in the half queue (the page is loaded again until then). */
    private static WebElement awaitListed(SendResult sent) {
        fixture.chromium.driver().get(fixture.console + "/transactions");
        By row = By.xpath("//tr[td[.='" + sent.getMsgId() + "']]");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!fixture.chromium.driver().findElements(row).isEmpty()) {
                return true;
            }
            fixture.chromium.driver().navigate().refresh();
            return false;
        });
        return fixture.chromium.driver().findElement(row);
    }

    private static SendResult sendUndecided(String body) throws Exception {
        return producer.sendMessageInTransaction(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)), null);
    }
}

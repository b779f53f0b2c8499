package dev.bolide.shop.it;

import static dev.bolide.shop.it.ShopData.BOB;
import static dev.bolide.shop.it.ShopData.CABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.crash.BlockingResource;
import dev.bolide.ra.crash.CommitBlockingResource;
import dev.bolide.ra.crash.ServerTransactionManager;
import dev.bolide.shop.it.hanging.CallbackServlet;
import dev.bolide.shop.it.hanging.HangingCallback;
import jakarta.jms.XAConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's server killed (SIGKILL) between the prepare and the commit of the shop's own payment
 * callback ({@code PaymentService.pay}: the payment row marked paid and the "paid" message sent, in one
 * XA transaction over H2 and Bolide), then started again: the server's recovery commits both branches.
 * The payment is paid once, its message stored once, and the order paid once by the beans that
 * receive it. Each server's class says how it deploys, kills, restarts and recovers
 * ({@link ShopCrashOnPayaraIT}, {@link ShopCrashOnWildFlyIT}); the scenario and its checks are this one.
 *
 * <p>The hang comes from a test application deployed beside the shop (package {@code hanging}), whose
 * transaction enlists ra's {@link CommitBlockingResource} before calling the shop's bean; the test
 * checks it fell between prepare and commit (the broker lists a prepared branch, no message is stored)
 * before it kills the server; the shop's order is not read then: H2 holds the prepared transaction's
 * lock on the payment row, and the read waits for it (it timed out after 30 s). The server restarted
 * is the one the other tests of the run use, with the shop deployed as before.
 */
abstract class ShopCrashScenario {
    /** The test application's name and context root. */
    protected static final String APPLICATION = "shop-crash";
    /** The shop's topic of "paid" messages ({@code ShopTopics.ORDER_PAID}, in the shop's EJB module). */
    private static final String PAID_TOPIC = "ShopOrderPaid";
    /** Recovery may run on a thread of its own, which may end after the server says it started. */
    private static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(5);
    private static final Duration MARKER_PATIENCE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final RunningShop shop = RunningShop.fromBuild();
    private final ShopData data = new ShopData(shop);
    private final String nameServer = "127.0.0.1:" + Integer.getInteger("shop.nameServerPort", 9876);

    /**
     * Deploys {@code war} beside the shop as {@link #APPLICATION} (its context root too), the server's
     * system property {@link BlockingResource#MARKER_PROPERTY} naming {@code marker}.
     */
    protected abstract void deploy(Path war, Path marker);

    /** Takes away what {@link #deploy} added, whatever of it is there (a test may have failed before). */
    protected abstract void undeploy();

    /** Kills the server with SIGKILL and starts it again, the shop deployed as before. */
    protected abstract void killAndRestart();

    /** The broker account the test's probes sign with; empty when the shop's broker checks no ACL. */
    protected abstract Optional<SessionCredentials> brokerAccount();

    /** Before each look at the order after the restart: a server whose recovery is periodic is asked for a pass. */
    protected void askForRecovery() throws Exception {
        // recovery runs by itself
    }

    @AfterEach
    void removeTheHangingApplication() {
        undeploy();
    }

    @Test
    void aPaymentWhoseServerWasKilledBetweenPrepareAndCommitIsPaidOnceByRecoveryAfterTheRestart() throws Exception {
        // 12 x 8.50 = 102.00: no shipping fee, 102 points
        long orderId = data.placeOrder(BOB, CABLE, 12, null).path("id").asLong();
        Path marker = dir.resolve("commit-blocked");
        deployHangingApplication(marker);

        CompletableFuture<HttpResponse<String>> callback = payHanging(orderId);
        awaitMarker(marker, callback);

        try {
            assertThat(preparedBranches()).as("prepared Bolide branches while the commit hangs").isNotEmpty();
            assertThat(paidMessages(orderId)).isZero();
        } finally {
            // also when a check failed: a server with a thread hung in commit does not stop when asked
            killAndRestart();
        }

        // the shop answers 404 until the server has loaded it again after the start
        Awaitility.await().atMost(RECOVERY_PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    askForRecovery();
                    return isPaidWithItsLog(data.order(orderId)) && paidMessages(orderId) > 0;
                });
        JsonNode order = data.order(orderId);
        assertThat(order.path("payment").asText()).isEqualTo("PAID");
        assertThat(order.path("paymentLog")).hasSize(1);
        assertThat(order.path("pointsEarned").asLong()).isEqualTo(102);
        assertThat(data.history(orderId)).containsExactly("UNCONFIRMED", "CONFIRMED", "PAID");
        assertThat(paidMessages(orderId)).as("'paid' messages stored for the order").isEqualTo(1);
        assertThat(preparedBranches()).as("prepared Bolide branches after recovery").isEmpty();
    }

    private void deployHangingApplication(Path marker) throws Exception {
        Path war = TestArchive.war(dir.resolve(APPLICATION + ".war"), List.of(CallbackServlet.class,
                HangingCallback.class, BlockingResource.class, CommitBlockingResource.class,
                ServerTransactionManager.class));
        deploy(war, marker);
    }

    /** Starts the payment that hangs in commit; the answer comes only if it did not hang. */
    private CompletableFuture<HttpResponse<String>> payHanging(long orderId) {
        URI uri = shop.page().resolve("/" + APPLICATION + "/pay?order=" + orderId);
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Until the transaction hangs in its commit phase; fails at once if the request came back instead. */
    private static void awaitMarker(Path marker, CompletableFuture<HttpResponse<String>> callback) {
        Awaitility.await().atMost(MARKER_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (callback.isDone()) {
                throw new AssertionError("the payment ended instead of hanging in commit: " + callback.handle(
                        (response, failure) -> failure != null ? failure : response.statusCode() + " " + response.body())
                        .get());
            }
            return Files.exists(marker);
        });
    }

    /** The order paid, its payment logged and its points earned: what the beans receiving "paid" do. */
    private static boolean isPaidWithItsLog(JsonNode order) {
        return order.path("status").asText().equals("PAID") && order.path("paymentLog").size() > 0
                && order.has("pointsEarned");
    }

    /** What BRANCH_RECOVER lists, asked as the shop's account if any (listing branches is for admins). */
    private List<Xid> preparedBranches() throws Exception {
        BolideConnectionFactory factory = new BolideConnectionFactory(nameServer);
        Optional<SessionCredentials> account = brokerAccount();
        try (XAConnection connection = account.isPresent()
                ? factory.createXAConnection(account.get().getAccessKey(), account.get().getSecretKey())
                : factory.createXAConnection()) {
            XAResource resource = connection.createXASession().getXAResource();
            return List.of(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
        }
    }

    /** The "paid" messages stored for the order (its id is their key), as the RocketMQ 4.9 client queries them. */
    private int paidMessages(long orderId) throws Exception {
        DefaultMQProducer client = new DefaultMQProducer("shop-crash-probes",
                brokerAccount().map(AclClientRPCHook::new).orElse(null));
        client.setNamesrvAddr(nameServer);
        client.setInstanceName("crash-probe-" + System.nanoTime());
        client.start();
        try {
            List<MessageExt> found = client.queryMessage(PAID_TOPIC, Long.toString(orderId), 32, 0, Long.MAX_VALUE)
                    .getMessageList();
            return found.size();
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE) {
                return 0;
            }
            throw e;
        } finally {
            client.shutdown();
        }
    }
}

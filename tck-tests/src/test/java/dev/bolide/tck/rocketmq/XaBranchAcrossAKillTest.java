package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An XA branch prepared on a broker that is then killed with {@code kill -9}: after a restart on the
 * same store, XA recover lists it and a commit delivers each of its messages exactly once. The half
 * messages are sent by the real RocketMQ transactional producer, tagged with {@code BOLIDE_XID}; the
 * branch requests go over RocketMQ's own remoting client.
 */
class XaBranchAcrossAKillTest {
    private static final String TOPIC = "XaOrders";
    private static final String BRANCH = "4660:c0ffee:01";
    private static final int MESSAGES = 20;
    private static final int BRANCH_PREPARE = 9002;
    private static final int BRANCH_COMMIT = 9003;
    private static final int BRANCH_RECOVER = 9005;

    @TempDir
    Path dir;
    /** The messages the broker checked back with the producer: none may be, they belong to a branch. */
    private final List<String> checkedBack = new CopyOnWriteArrayList<>();

    @Test
    void aPreparedBranchIsRecoveredAndCommittedOnceAfterAKill() throws Exception {
        // check passes every half second that would check back at once and give up after one check-back
        BrokerProcess broker = BrokerProcess.start(dir, "transactionTimeout = 0", "transactionCheckInterval = 500",
                "transactionCheckMax = 1");
        TransactionMQProducer producer = startProducer(broker);
        List<String> bodies = sendBranch(producer);
        assertThat(branchRequest(broker, BRANCH_PREPARE, false).getCode()).isZero();
        // the producer stays connected through a few check passes, which must not ask it anything
        Thread.sleep(1_500);
        producer.shutdown();
        broker.kill();

        broker = broker.restart();
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = broker.startConsumer("CG-xa-kill", TOPIC, received);
        try {
            RemotingCommand recovered = branchRequest(broker, BRANCH_RECOVER, false);
            assertThat(new String(recovered.getBody(), StandardCharsets.UTF_8)).isEqualTo("[\"" + BRANCH + "\"]");
            assertThat(received).doesNotContainKeys(bodies.toArray(String[]::new));

            assertThat(branchRequest(broker, BRANCH_COMMIT, false).getCode()).isZero();

            await().atMost(Duration.ofSeconds(30)).until(() -> received.keySet().containsAll(bodies));
            Thread.sleep(1_500);
            assertThat(received.keySet()).containsAll(bodies);
            bodies.forEach(body -> assertThat(received.get(body)).as(body).hasSize(1));
            assertThat(checkedBack).isEmpty();
        } finally {
            consumer.shutdown();
            broker.close();
        }
    }

    /** A transactional producer that leaves its transactions undecided and records the check-backs it gets. */
    private TransactionMQProducer startProducer(BrokerProcess broker) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer("PG-xa");
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("xa-producer-" + System.nanoTime());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checkedBack.add(new String(message.getBody(), StandardCharsets.UTF_8));
                return LocalTransactionState.UNKNOW;
            }
        });
        producer.start();
        return producer;
    }

    /** Sends the branch's messages as half messages tagged with the branch id. */
    private static List<String> sendBranch(TransactionMQProducer producer) throws Exception {
        producer.send(new Message(TOPIC, "create".getBytes(StandardCharsets.UTF_8)));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Message message = new Message(TOPIC, ("xa-" + i).getBytes(StandardCharsets.UTF_8));
            message.putUserProperty("BOLIDE_XID", BRANCH);
            producer.sendMessageInTransaction(message, null);
            bodies.add("xa-" + i);
        }
        return bodies;
    }

    private static RemotingCommand branchRequest(BrokerProcess broker, int code, boolean onePhase) throws Exception {
        NettyRemotingClient remoting = new NettyRemotingClient(new NettyClientConfig());
        remoting.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
            request.addExtField("branch", BRANCH);
            request.addExtField("onePhase", Boolean.toString(onePhase));
            return remoting.invokeSync("127.0.0.1:" + broker.brokerPort(), request, 10_000);
        } finally {
            remoting.shutdown();
        }
    }
}

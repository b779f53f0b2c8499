package dev.bolide.client.jms.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A branch whose messages went to two brokers of the cluster: prepared, recovered and committed on both. */
class TwoBrokerBranchTest {
    private static final String TOPIC = "SpreadOrders";

    @TempDir
    Path dir;
    private LoopbackBroker first;
    private LoopbackBroker second;
    private final List<RocketMqClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        first = LoopbackBroker.builder(dir, "broker-a").start();
        second = LoopbackBroker.builder(dir, "broker-b").registeredWith(first).start();
        first.createTopic(TOPIC, 1);
        second.createTopic(TOPIC, 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::routedToBoth);
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(RocketMqClient::close);
        second.close();
        first.close();
    }

    private boolean routedToBoth() {
        try {
            return client(first.nameServer()).readQueues(TOPIC).size() == 2;
        } catch (RocketMqException notYetRouted) {
            return false;
        }
    }

    private RocketMqClient client(String nameServer) {
        RocketMqClient client = new RocketMqClient(ClientSettings.of(nameServer));
        clients.add(client);
        return client;
    }

    private BolideXAResource resource(String nameServer) {
        return new BolideXAResource(client(nameServer), nameServer);
    }

    /** Sends four messages in a new branch and answers the brokers they went to. */
    private static Set<String> sendSpread(BolideXAResource resource, Xid xid) throws Exception {
        Set<String> brokers = new TreeSet<>();
        resource.start(xid, TMNOFLAGS);
        for (int i = 1; i <= 4; i++) {
            brokers.add(resource.sendInBranch(OutgoingMessage.of(TOPIC, ("order-" + i).getBytes(StandardCharsets.UTF_8),
                    Map.of()), null).join().queue().brokerName());
        }
        resource.end(xid, TMSUCCESS);
        return brokers;
    }

    private List<String> deliveredOnce(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered().size() >= count);
        return delivered();
    }

    private List<String> delivered() {
        RocketMqClient reader = clients.get(0);
        List<String> bodies = new ArrayList<>();
        for (MessageQueue queue : reader.readQueues(TOPIC)) {
            reader.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO, Subscription.all(TOPIC))).messages()
                    .forEach(m -> bodies.add(new String(m.body(), StandardCharsets.UTF_8)));
        }
        return bodies;
    }

    @Test
    void aBranchOnTwoBrokersIsRecoveredOnceAndCommittedOnBoth() throws Exception {
        BolideXAResource resource = resource(first.nameServer());
        Xid xid = TestXid.next();
        assertThat(sendSpread(resource, xid)).containsExactly("broker-a", "broker-b");
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);

        BolideXAResource fresh = resource(first.nameServer().replace("127.0.0.1", "localhost"));
        assertThat(fresh.recover(TMSTARTRSCAN | TMENDRSCAN)).containsExactly(xid);
        fresh.commit(xid, false);

        assertThat(deliveredOnce(4)).containsExactlyInAnyOrder("order-1", "order-2", "order-3", "order-4");
    }

    @Test
    void aOnePhaseCommitOverTwoBrokersDeliversOnBoth() throws Exception {
        BolideXAResource resource = resource(first.nameServer());
        Xid xid = TestXid.next();
        sendSpread(resource, xid);

        resource.commit(xid, true);

        assertThat(deliveredOnce(4)).containsExactlyInAnyOrder("order-1", "order-2", "order-3", "order-4");
        assertThat(resource.recover(TMSTARTRSCAN | TMENDRSCAN)).isEmpty();
    }
}

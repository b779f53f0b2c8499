package dev.bolide.client.jms.xa;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.client.rocketmq.XaBranches;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.awaitility.Awaitility;

/**
 * A loopback broker (its own name server) shared by the tests of a class, or a broker elsewhere; a
 * topic of each test's own, and the clients a test opened.
 */
final class XaCluster implements AutoCloseable {
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final LoopbackBroker broker;
    private final String nameServer;
    private final RocketMqClient reader;
    private final List<RocketMqClient> clients = new ArrayList<>();
    private String topic;

    XaCluster(Path dir) throws Exception {
        this(LoopbackBroker.builder(dir, "broker-a").start(), null);
    }

    private XaCluster(LoopbackBroker broker, String nameServer) {
        this.broker = broker;
        this.nameServer = broker != null ? broker.nameServer() : nameServer;
        reader = new RocketMqClient(ClientSettings.of(this.nameServer));
    }

    /** Clients of {@code broker}, a loopback broker the test configured, closed with them. */
    static XaCluster on(LoopbackBroker broker) {
        return new XaCluster(broker, null);
    }

    /** Clients of the brokers of {@code nameServer}, which create a topic of one queue at its first send. */
    static XaCluster elsewhere(String nameServer) {
        return new XaCluster(null, nameServer);
    }

    /** Starts a test: a topic of its own. */
    void newTopic() {
        topic = "XaOrders" + TOPICS.incrementAndGet();
        if (broker != null) {
            broker.createTopic(topic, 1);
        }
    }

    String topic() {
        return topic;
    }

    String nameServer() {
        return nameServer;
    }

    /** The branch requests themselves, to look at a branch without going through a resource. */
    XaBranches branches() {
        return reader.branches();
    }

    /** A resource on a connection of its own. */
    BolideXAResource newResource() {
        return newResource(nameServer());
    }

    /** A resource on a connection of its own to the name servers {@code nameServers}, spelled as given. */
    BolideXAResource newResource(String nameServers) {
        return new BolideXAResource(newClient(nameServers), nameServers);
    }

    /** A resource on a connection of its own whose transaction timeouts run on {@code clock}. */
    BolideXAResource newResource(Clock clock) {
        return new BolideXAResource(newClient(nameServer()), nameServer(), clock);
    }

    private RocketMqClient newClient(String nameServers) {
        RocketMqClient client = new RocketMqClient(ClientSettings.of(nameServers));
        clients.add(client);
        return client;
    }

    OutgoingMessage message(String text) {
        return OutgoingMessage.of(topic, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The bodies delivered to the test's topic so far, in order. */
    List<String> delivered() {
        MessageQueue queue = reader.readQueues(topic).get(0);
        return reader.pull(PullRequest.of("xa-readers", queue, 0, 32, Duration.ZERO, Subscription.all(topic)))
                .messages().stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    /**
     * What was delivered before a marker committed now in one phase: once the marker is delivered,
     * whatever was committed before is too, so this also shows what was not delivered.
     */
    List<String> deliveredUpToMarker() throws XAException {
        BolideXAResource resource = newResource();
        Xid marker = TestXid.next();
        resource.start(marker, XAResource.TMNOFLAGS);
        resource.sendInBranch(message("marker"), null);
        resource.end(marker, XAResource.TMSUCCESS);
        resource.commit(marker, true);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("marker"));
        List<String> delivered = new ArrayList<>(delivered());
        delivered.removeIf("marker"::equals);
        return delivered;
    }

    /** Ends a test: closes the connections it opened. */
    void closeClients() {
        clients.forEach(RocketMqClient::close);
        clients.clear();
    }

    @Override
    public void close() throws Exception {
        closeClients();
        reader.close();
        if (broker != null) {
            broker.close();
        }
    }
}

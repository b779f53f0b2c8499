package dev.bolide.client.jms.session;

import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.Subscription;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two brokers, broker-a (the coordinator: first by name) holding queue {@link #ON_A} and broker-b
 * holding {@link #ON_B}, with transaction timeouts short enough that a branch left prepared is
 * settled within seconds; and a reader of both queues.
 */
final class CrossBrokerFixture implements AutoCloseable {
    static final String ON_A = "CrossA";
    static final String ON_B = "CrossB";
    /** A branch prepared this long is settled by asking its coordinator, every 200 ms. */
    static final TransactionSettings SHORT = new TransactionSettings(Duration.ofSeconds(2), Duration.ofMillis(200), 15);

    private final RocketMqClient reader;

    CrossBrokerFixture(String nameServer) {
        reader = new RocketMqClient(ClientSettings.of(nameServer).withRequestTimeout(Duration.ofSeconds(15)));
    }

    /**
     * A connection factory of the cluster of {@code nameServer} with a long request timeout: the
     * machines these tests run on are shared, and a kill test must not fail on a slow answer.
     */
    static BolideConnectionFactory factory(String nameServer) {
        return new BolideConnectionFactory("bolide://" + nameServer + "?requestTimeout=15000");
    }

    /** Sends one message to each broker in the transacted {@code session}: "a" to broker-a, "b" to broker-b. */
    static Session sendToBoth(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(null);
        producer.send(session.createQueue(ON_A), session.createTextMessage("a"));
        producer.send(session.createQueue(ON_B), session.createTextMessage("b"));
        return session;
    }

    /** Whether the name server routes both queues, each to its broker. */
    boolean routed() {
        try {
            return reader.readQueues(ON_A).size() == 1 && reader.readQueues(ON_B).size() == 1;
        } catch (RocketMqException notYet) {
            return false;
        }
    }

    /** The bodies delivered on both brokers, broker-a's first. */
    List<String> delivered() {
        List<String> bodies = new ArrayList<>();
        for (String topic : List.of(ON_A, ON_B)) {
            for (MessageQueue queue : reader.readQueues(topic)) {
                reader.pull(PullRequest.of("cross-readers", queue, 0, 32, Duration.ZERO, Subscription.all(topic)))
                        .messages().forEach(m -> bodies.add(new String(m.body(), StandardCharsets.UTF_8)));
            }
        }
        return bodies;
    }

    /** The branches {@code broker} holds prepared (or decided heuristically). */
    List<String> inDoubt(String broker) {
        return reader.branches().recoverBranches(broker);
    }

    /**
     * Whether the coordinator whose store is under {@code storeRoot} keeps no commit decision: each
     * participant told it that it applied them.
     */
    static boolean keepsNoDecision(Path storeRoot) throws IOException {
        List<String> lines = Files.readAllLines(storeRoot.resolve("config").resolve("crossBrokerTransactions.log"));
        // with one participant, each decision ("D branch participant time") ends when it is applied ("A branch participant")
        Set<String> open = new HashSet<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if ("D".equals(fields[0])) {
                open.add(fields[1]);
            } else if ("A".equals(fields[0])) {
                open.remove(fields[1]);
            }
        }
        return open.isEmpty();
    }

    @Override
    public void close() {
        reader.close();
    }
}

package dev.bolide.client.jms.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.client.jms.xa.ChildJvm;
import dev.bolide.client.rocketmq.CrossBrokerCommit;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transacted session that sent to two brokers commits on both or on neither: at its commit, and
 * when its JVM is killed ({@code kill -9}) in the middle of it, before or after the decision.
 */
class CrossBrokerCommitTest {
    private static final Duration SETTLED = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private LoopbackBroker brokerA;
    private LoopbackBroker brokerB;
    private CrossBrokerFixture brokers;

    @BeforeEach
    void start() throws Exception {
        brokerA = LoopbackBroker.builder(dir, "broker-a").transactions(CrossBrokerFixture.SHORT).start();
        brokerB = LoopbackBroker.builder(dir, "broker-b").transactions(CrossBrokerFixture.SHORT)
                .registeredWith(brokerA).start();
        brokerA.createTopic(CrossBrokerFixture.ON_A, 1);
        brokerB.createTopic(CrossBrokerFixture.ON_B, 1);
        brokers = new CrossBrokerFixture(brokerA.nameServer());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(brokers::routed);
    }

    @AfterEach
    void stop() throws Exception {
        brokers.close();
        brokerB.close();
        brokerA.close();
    }

    @Test
    void aCommitMakesTheSendsVisibleOnBothBrokers() throws Exception {
        try (Connection connection = CrossBrokerFixture.factory(brokerA.nameServer()).createConnection()) {
            Session session = CrossBrokerFixture.sendToBoth(connection.createSession(Session.SESSION_TRANSACTED));
            assertThat(brokers.delivered()).isEmpty();

            session.commit();
        }

        Awaitility.await().atMost(SETTLED).until(() -> brokers.delivered().size() == 2);
        assertThat(brokers.delivered()).containsExactly("a", "b");
        assertThat(brokers.inDoubt("broker-b")).isEmpty();
        // the participant tells the coordinator it applied the decision, which the coordinator then forgets
        Awaitility.await().atMost(SETTLED).until(() -> CrossBrokerFixture.keepsNoDecision(dir.resolve("broker-a")));
    }

    @Test
    void aRollbackLeavesNothingOnEitherBroker() throws Exception {
        try (Connection connection = CrossBrokerFixture.factory(brokerA.nameServer()).createConnection()) {
            Session session = CrossBrokerFixture.sendToBoth(connection.createSession(Session.SESSION_TRANSACTED));
            session.rollback();
            CrossBrokerFixture.sendToBoth(session).commit();
        }

        Awaitility.await().atMost(SETTLED).until(() -> brokers.delivered().size() == 2);
        assertThat(brokers.delivered()).containsExactly("a", "b");
    }

    @Test
    void aClientKilledAfterTheDecisionIsCommittedOnBothBrokersWithoutIt() throws Exception {
        killClientAt(CrossBrokerCommit.Phase.DECIDED);

        Awaitility.await().atMost(SETTLED).until(() -> brokers.delivered().size() == 2);
        assertThat(brokers.delivered()).containsExactly("a", "b");
        assertThat(brokers.inDoubt("broker-b")).isEmpty();
        Awaitility.await().atMost(SETTLED).until(() -> CrossBrokerFixture.keepsNoDecision(dir.resolve("broker-a")));
    }

    @Test
    void aClientKilledBeforeTheDecisionIsRolledBackOnBothBrokers() throws Exception {
        killClientAt(CrossBrokerCommit.Phase.PREPARED);
        assertThat(brokers.inDoubt("broker-b")).hasSize(1);

        Awaitility.await().atMost(SETTLED).until(() -> brokers.inDoubt("broker-b").isEmpty());
        assertThat(brokers.delivered()).isEmpty();
    }

    private void killClientAt(CrossBrokerCommit.Phase phase) throws Exception {
        try (ChildJvm client = ChildJvm.start(dir, CrossBrokerClient.class, brokerA.nameServer(), phase.name())) {
            client.awaitOutput(CrossBrokerClient.STOPPED + phase);
            client.killNine();
        }
    }
}

package dev.bolide.client.jms.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.client.jms.xa.BrokerChild;
import dev.bolide.client.rocketmq.CrossBrokerCommit;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that prepared its part of a transaction spanning two brokers is killed ({@code kill -9})
 * before the client commits it: the client's commit stands, and the broker, restarted, commits its
 * part by asking the coordinator.
 */
class ParticipantBrokerKillTest {
    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        CrossBrokerCommit.phaseReached = phase -> { };
    }

    @Test
    void aParticipantKilledAfterItsPrepareCommitsItsPartOnceRestarted() throws Exception {
        Path childDir = Files.createDirectories(dir.resolve("broker-b"));
        try (LoopbackBroker brokerA = LoopbackBroker.builder(dir, "broker-a")
                        .transactions(CrossBrokerFixture.SHORT).start();
                BrokerChild brokerB = BrokerChild.registeredWith(childDir, "broker-b", brokerA.nameServer(),
                        "transactionTimeout = 2000", "transactionCheckInterval = 200");
                CrossBrokerFixture brokers = new CrossBrokerFixture(brokerA.nameServer())) {
            brokerA.createTopic(CrossBrokerFixture.ON_A, 1);
            LoopbackBroker.createTopic(brokerB.address(), CrossBrokerFixture.ON_B, 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(brokers::routed);
            CrossBrokerCommit.phaseReached = phase -> {
                if (phase == CrossBrokerCommit.Phase.PREPARED) {
                    killNine(brokerB);
                }
            };

            try (Connection connection = CrossBrokerFixture.factory(brokerA.nameServer()).createConnection()) {
                CrossBrokerFixture.sendToBoth(connection.createSession(Session.SESSION_TRANSACTED)).commit();
            }
            brokerB.restart();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> brokers.delivered().size() == 2);
            assertThat(brokers.delivered()).containsExactly("a", "b");
            assertThat(brokers.inDoubt("broker-b")).isEmpty();
        }
    }

    private static void killNine(BrokerChild broker) {
        try {
            broker.killNine();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.testsupport.NoThreadLeaks;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoThreadLeaks.class)
class FailoverTest {
    @TempDir
    Path dir;

    private static OutgoingMessage message() {
        return OutgoingMessage.of("Orders", new byte[16], Map.of());
    }

    @Test
    void sendsWorkAgainOnceTheBrokerRestartsOnTheSamePort() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            broker.createTopic("Orders", 2);
            client.send("writers", message(), null);

            broker.stop();
            assertThatThrownBy(() -> client.send("writers", message(), null)).isInstanceOf(RocketMqException.class)
                    .hasMessageContaining(broker.address());
            broker.start();

            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> client.send("writers", message(), null).queueOffset() >= 0);
        }
    }

    @Test
    void sendsGoToAnotherBrokerOfTheTopicWhenOneIsDown() throws Exception {
        try (LoopbackBroker a = LoopbackBroker.builder(dir, "broker-a").start();
                LoopbackBroker b = LoopbackBroker.builder(dir, "broker-b").registeredWith(a).start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(a.nameServer()))) {
            routeOrdersOverBoth(a, b, client);

            b.stop();
            List<String> brokers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                brokers.add(client.send("writers", message(), null).queue().brokerName());
            }

            assertThat(brokers).containsOnly("broker-a");
        }
    }

    @Test
    void aStickySendersQueueMovesToAnotherBrokerWhenItsOwnIsDownAndStaysThere() throws Exception {
        try (LoopbackBroker a = LoopbackBroker.builder(dir, "broker-a").start();
                LoopbackBroker b = LoopbackBroker.builder(dir, "broker-b").registeredWith(a).start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(a.nameServer()))) {
            routeOrdersOverBoth(a, b, client);
            StickyQueues sticky = new StickyQueues();
            MessageQueue first = client.send("writers", message(), sticky).queue();

            (first.brokerName().equals("broker-a") ? a : b).stop();
            List<MessageQueue> afterwards = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                afterwards.add(client.send("writers", message(), sticky).queue());
            }

            assertThat(afterwards).doesNotContain(first).containsOnly(afterwards.get(0));
        }
    }

    /** Two queues of Orders on each broker, in the client's route. */
    private static void routeOrdersOverBoth(LoopbackBroker a, LoopbackBroker b, RocketMqClient client) {
        a.createTopic("Orders", 2);
        b.createTopic("Orders", 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> routedToBoth(a));
        // the client keeps this route, naming both brokers, until a refresh that does not come within the test
        assertThat(client.writeQueues("Orders")).hasSize(4);
    }

    private static boolean routedToBoth(LoopbackBroker nameServer) {
        try (RocketMqClient probe = new RocketMqClient(ClientSettings.of(nameServer.nameServer()))) {
            return probe.readQueues("Orders").size() == 4;
        } catch (RocketMqException notYetRouted) {
            return false;
        }
    }

    @Test
    void aRequestWithoutAnswerFailsWithATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                RocketMqClient client = new RocketMqClient(ClientSettings.of("127.0.0.1:" + silent.getLocalPort())
                        .withRequestTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> client.readQueues("Orders")).isInstanceOf(RocketMqException.class)
                    .hasMessageContaining("within 300 ms").hasCauseInstanceOf(TimeoutException.class);
        }
    }
}

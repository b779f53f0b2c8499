package dev.bolide.client.rocketmq;

import static dev.bolide.testsupport.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoThreadLeaks.class)
class RoutesTest {
    @TempDir
    Path dir;

    private static OutgoingMessage message(String topic) {
        return OutgoingMessage.of(topic, "hello".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void aTopicsQueuesComeFromTheNameServer() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            broker.createTopic("Orders", 4);

            assertThat(client.writeQueues("Orders")).extracting(MessageQueue::queueId).containsExactly(0, 1, 2, 3);
            assertThat(client.readQueues("Orders")).allMatch(q -> q.brokerName().equals("broker-a"));
        }
    }

    @Test
    void routesAreRefreshedPeriodically() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer())
                        .withRouteRefresh(Duration.ofMillis(200)))) {
            broker.createTopic("Orders", 2);
            assertThat(client.readQueues("Orders")).hasSize(2);

            broker.createTopic("Orders", 6);

            await().atMost(Duration.ofSeconds(10)).until(() -> client.readQueues("Orders").size() == 6);
        }
    }

    @Test
    void anUnknownTopicIsCreatedByTheFirstSendWhenTheBrokerAllows() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer())
                        .withRouteRefresh(Duration.ofMillis(200)))) {
            SendResult sent = client.send("producers", message("Fresh"), null);

            assertThat(sent.queue().topic()).isEqualTo("Fresh");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(client.readQueues("Fresh")).hasSize(Routes.AUTO_CREATED_QUEUES));
        }
    }

    @Test
    void anUnknownTopicIsRefusedWhenNoBrokerCreatesTopics() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").set(Settings.AUTO_CREATE_TOPIC_ENABLE, false).start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            assertThatThrownBy(() -> client.send("producers", message("Fresh"), null))
                    .isInstanceOf(RocketMqException.class).hasMessageContaining("Fresh")
                    .satisfies(e -> assertThat(((RocketMqException) e).responseCode())
                            .isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
            assertThatThrownBy(() -> client.readQueues("Fresh")).isInstanceOf(RocketMqException.class)
                    .hasMessageContaining("no route");
        }
    }

    // an XA prepare and commit go to the broker a send reached: no name server round trip in between
    @Test
    void aBrokerOfARouteInUseIsReachedByNameWithoutTheNameServers() throws Exception {
        try (LoopbackBroker nameServer = LoopbackBroker.builder(dir, "broker-a").set(Settings.AUTO_CREATE_TOPIC_ENABLE, false).start();
                LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-b").registeredWith(nameServer).start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(nameServer.nameServer()))) {
            broker.createTopic("Orders", 1);
            String branch = BranchId.of(4660, new byte[] {7}, new byte[] {1}).text();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> client.branches().sendHalf("producers", branch, message("Orders"), null) != null);

            nameServer.stop();

            client.branches().prepareBranch("broker-b", branch, 1);
            client.branches().commitBranch("broker-b", branch, false, 1);
        }
    }

    @Test
    void theNextNameServerIsAskedWhenOneIsDown() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").start();
                RocketMqClient client = new RocketMqClient(ClientSettings.of(
                        "127.0.0.1:" + freePort() + ";" + broker.nameServer()))) {
            broker.createTopic("Orders", 4);

            assertThat(client.readQueues("Orders")).hasSize(4);
        }
    }
}

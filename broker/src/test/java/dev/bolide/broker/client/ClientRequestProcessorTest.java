package dev.bolide.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.remoting.FrameClient;
import dev.bolide.remoting.RemotingServer;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.bolide.broker.group.SubscriptionGroupTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats and group membership over loopback, with the body the 4.9.8 client sends. */
class ClientRequestProcessorTest {
    @TempDir
    Path dir;
    private final ConsumerGroups groups = new ConsumerGroups();
    private final ProducerGroups producers = new ProducerGroups();
    private SubscriptionGroupTable groupConfigs;
    private TopicConfigTable topics;
    private RemotingServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private int opaque;

    @BeforeEach
    void start() throws Exception {
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")), Clock.systemUTC());
        groupConfigs = SubscriptionGroupTable.load(new MetadataFile(dir.resolve("config/subscriptionGroup.json")),
                Clock.systemUTC(), true);
        ClientRequestProcessor processor = new ClientRequestProcessor(groups, producers, groupConfigs, topics);
        server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0))
                .register(RequestCode.HEART_BEAT, processor, executor)
                .register(RequestCode.UNREGISTER_CLIENT, processor, executor)
                .register(RequestCode.GET_CONSUMER_LIST_BY_GROUP, processor, executor)
                .onConnectionClosed(processor::connectionClosed)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private static byte[] heartbeat(String clientId, String tags) {
        return ("{\"clientID\":\"" + clientId + "\",\"consumerDataSet\":[{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
                + "\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\"CG\",\"messageModel\":\"CLUSTERING\","
                + "\"unitMode\":false,\"subscriptionDataSet\":[{\"classFilterMode\":false,\"codeSet\":[2598919],"
                + "\"expressionType\":\"TAG\",\"subString\":\"" + tags + "\",\"subVersion\":" + System.nanoTime() + ","
                + "\"tagsSet\":[\"" + tags + "\"],\"topic\":\"TopicTest\"}]}],"
                + "\"producerDataSet\":[{\"groupName\":\"CLIENT_INNER_PRODUCER\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private RemotingCommand call(FrameClient client, int code, Map<String, String> fields, byte[] body)
            throws IOException {
        client.send(new RemotingCommand(code, LanguageCode.JAVA, 409, ++opaque, 0, null, fields, body,
                SerializeType.JSON));
        RemotingCommand answer = client.receive();
        while (!answer.isResponse()) {
            answer = client.receive();
        }
        return answer;
    }

    private RemotingCommand consumerList(FrameClient client) throws IOException {
        return call(client, RequestCode.GET_CONSUMER_LIST_BY_GROUP, Map.of("consumerGroup", "CG"), null);
    }

    @Test
    void aHeartbeatMakesTheClientAMemberWithItsSubscription() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            RemotingCommand response = call(client, RequestCode.HEART_BEAT, null, heartbeat("10.0.0.1@1", "TagA"));

            assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(response.version()).isGreaterThanOrEqualTo(232);
            assertThat(new String(consumerList(client).body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"consumerIdList\":[\"10.0.0.1@1\"]}");
            assertThat(groups.subscription("CG", "TopicTest").orElseThrow().expression()).isEqualTo("TagA");
            assertThat(topics.find("%RETRY%CG")).isPresent();
        }
    }

    @Test
    void aNewMemberMakesTheBrokerNotifyTheOthers() throws IOException {
        try (FrameClient first = new FrameClient(server.port()); FrameClient second = new FrameClient(server.port())) {
            call(first, RequestCode.HEART_BEAT, null, heartbeat("10.0.0.1@1", "*"));

            call(second, RequestCode.HEART_BEAT, null, heartbeat("10.0.0.2@2", "*"));

            RemotingCommand notification = first.receive();
            assertThat(notification.code()).isEqualTo(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED);
            assertThat(notification.isOneway()).isTrue();
            assertThat(notification.field("consumerGroup")).isEqualTo("CG");
            assertThat(groups.consumerIds("CG")).containsExactly("10.0.0.1@1", "10.0.0.2@2");
        }
    }

    @Test
    void aMemberLeavesWhenItUnregistersOrItsConnectionCloses() throws IOException {
        try (FrameClient first = new FrameClient(server.port())) {
            call(first, RequestCode.HEART_BEAT, null, heartbeat("10.0.0.1@1", "*"));
            try (FrameClient second = new FrameClient(server.port())) {
                call(second, RequestCode.HEART_BEAT, null, heartbeat("10.0.0.2@2", "*"));
            }
            await().until(() -> groups.consumerIds("CG").size() == 1);

            call(first, RequestCode.UNREGISTER_CLIENT, Map.of("clientID", "10.0.0.1@1", "consumerGroup", "CG"), null);

            assertThat(consumerList(first).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        }
    }

    @Test
    void aBodyThatIsNotAHeartbeatGetsSystemError() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            assertThat(call(client, RequestCode.HEART_BEAT, null, "{\"consumerDataSet\":3}".getBytes(
                    StandardCharsets.UTF_8)).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        }
    }
}

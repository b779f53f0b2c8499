package dev.bolide.broker.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.client.HeartbeatData;
import dev.bolide.broker.client.Subscription;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.filter.SubscriptionFilters;
import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.protocol.remoting.LanguageCode;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull processor behind a real remoting server and a real store, driven over loopback. */
class PullMessageProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;
    private ConsumerOffsets offsets;
    private SubscriptionGroupTable groupConfigs;
    private final ConsumerGroups groups = new ConsumerGroups();
    private final HeldPulls held = new HeldPulls();
    private Loopback loopback;
    private TopicConfigTable topics;

    /** A master's routing as RocketMQ's defaults make it: no reads from slaves. */
    private static PullRouting master() {
        return PullRouting.of(false, false, 40, () -> 6, "127.0.0.1");
    }

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")),
                Clock.systemUTC());
        topics.put(TopicConfig.of("TopicTest", 2));
        offsets = ConsumerOffsets.load(new MetadataFile(dir.resolve("config/consumerOffset.json")));
        groupConfigs = SubscriptionGroupTable.load(new MetadataFile(dir.resolve("config/subscriptionGroup.json")),
                Clock.systemUTC(), true);
        serve(master());
    }

    /** Serves pulls with {@code routing}, in place of the processor serving them until now. */
    private void serve(PullRouting routing) throws IOException, InterruptedException {
        if (loopback != null) {
            loopback.close();
        }
        loopback = Loopback.start(Map.of(RequestCode.PULL_MESSAGE,
                new PullMessageProcessor(store, topics, offsets, groups, groupConfigs, new BrokerStats(Clock.systemUTC()),
                        new SubscriptionFilters(true), held, routing, HeldOffsets.NONE)));
    }

    @AfterEach
    void stop() throws IOException {
        loopback.close();
        held.close();
        store.close();
    }

    private void append(String body, String tag) {
        store.append(MessageToStore.builder("TopicTest", 0, body.getBytes(StandardCharsets.UTF_8))
                .properties(Map.of("TAGS", tag)).build());
    }

    private void appendTen() {
        for (int i = 0; i < 10; i++) {
            append("message " + i, "red");
        }
        await().until(() -> store.maxOffset("TopicTest", 0) == 10);
    }

    private RemotingCommand pull(long offset, int sysFlag, String subscription) throws IOException {
        return pull(offset, sysFlag, subscription, "TAG");
    }

    private RemotingCommand pull(long offset, int sysFlag, String subscription, int maxMsgNums) throws IOException {
        sendPull(offset, sysFlag, subscription, 15000, "TAG", maxMsgNums);
        return loopback.client().receive();
    }

    private RemotingCommand pull(long offset, int sysFlag, String subscription, String type) throws IOException {
        sendPull(offset, sysFlag, subscription, 15000, type);
        return loopback.client().receive();
    }

    private void sendPull(long offset, int sysFlag, String subscription, long suspendMillis) throws IOException {
        sendPull(offset, sysFlag, subscription, suspendMillis, "TAG");
    }

    private void sendPull(long offset, int sysFlag, String subscription, long suspendMillis, String type)
            throws IOException {
        sendPull(offset, sysFlag, subscription, suspendMillis, type, 32);
    }

    private void sendPull(long offset, int sysFlag, String subscription, long suspendMillis, String type,
            int maxMsgNums) throws IOException {
        Map<String, String> fields = new HashMap<>();
        fields.put("consumerGroup", "CG");
        fields.put("topic", "TopicTest");
        fields.put("queueId", "0");
        fields.put("queueOffset", Long.toString(offset));
        fields.put("maxMsgNums", Integer.toString(maxMsgNums));
        fields.put("sysFlag", Integer.toString(sysFlag));
        fields.put("commitOffset", "2");
        fields.put("suspendTimeoutMillis", Long.toString(suspendMillis));
        fields.put("subVersion", "0");
        fields.put("expressionType", type);
        if (subscription != null) {
            fields.put("subscription", subscription);
        }
        loopback.send(RequestCode.PULL_MESSAGE, fields, null);
    }

    private static List<String> bodies(RemotingCommand response) {
        List<String> bodies = new ArrayList<>();
        ByteBuffer records = ByteBuffer.wrap(response.body());
        MessageRecordView view = new MessageRecordView();
        for (int at = 0; at < records.limit(); at += view.totalSize()) {
            bodies.add(new String(view.wrap(records, at).bodyBytes(), StandardCharsets.UTF_8));
        }
        return bodies;
    }

    @Test
    void returnsTheStoredRecordsWithTheFourHeaderFields() throws IOException {
        append("a", "red");
        append("b", "blue");
        await().until(() -> store.maxOffset("TopicTest", 0) == 2);

        RemotingCommand response = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "*");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactly("a", "b");
        assertThat(response.extFields()).containsEntry("nextBeginOffset", "2").containsEntry("minOffset", "0")
                .containsEntry("maxOffset", "2").containsEntry("suggestWhichBrokerId", "0");
    }

    @Test
    void keepsOnlyTheSubscribedTags() throws IOException {
        append("a", "red");
        append("b", "blue");
        append("c", "green");
        await().until(() -> store.maxOffset("TopicTest", 0) == 3);

        assertThat(bodies(pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "red || green"))).containsExactly("a", "c");
        assertThat(pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "yellow").code())
                .isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
    }

    @Test
    void mapsQueueStatesToPullCodes() throws IOException {
        assertThat(pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "*").code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        append("a", "red");
        await().until(() -> store.maxOffset("TopicTest", 0) == 1);

        assertThat(pull(1, PullRequestHeader.FLAG_SUBSCRIPTION, "*").code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        RemotingCommand moved = pull(5, PullRequestHeader.FLAG_SUBSCRIPTION, "*");
        assertThat(moved.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(moved.field("nextBeginOffset")).isEqualTo("1");
    }

    @Test
    void storesTheCommitOffsetThePullCarries() throws IOException {
        pull(0, PullRequestHeader.FLAG_SUBSCRIPTION | PullRequestHeader.FLAG_COMMIT_OFFSET, "*");

        assertThat(offsets.committed("CG", "TopicTest", 0)).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void aSlaveKeepsNoCommitOffsetAPullCarries() throws Exception {
        serve(PullRouting.of(true, false, 40, () -> 6, "127.0.0.1"));

        pull(0, PullRequestHeader.FLAG_SUBSCRIPTION | PullRequestHeader.FLAG_COMMIT_OFFSET, "*");

        assertThat(offsets.committed("CG", "TopicTest", 0)).isEmpty();
    }

    @Test
    void aSlaveSendsAPullBeyondItsQueueBackToTheGroupsBrokerInsteadOfMovingTheOffset() throws Exception {
        serve(PullRouting.of(true, false, 40, () -> 6, "127.0.0.1"));
        append("a", "red");
        await().until(() -> store.maxOffset("TopicTest", 0) == 1);

        RemotingCommand response = pull(5, PullRequestHeader.FLAG_SUBSCRIPTION, "*");

        assertThat(response.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(response.field("suggestWhichBrokerId")).isEqualTo("0");
    }

    @Test
    void withSlaveReadEnableAPullOfDataNoLongerInMemoryIsSentToTheGroupsSlowConsumerBroker() throws Exception {
        // 1000 bytes of "memory" at 40 %: data more than 400 bytes behind the CommitLog's end is on disk
        serve(new PullRouting(false, true, 40, 1000, () -> 6, "127.0.0.1"));
        appendTen();

        RemotingCommand behind = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "*", 1);
        RemotingCommand recent = pull(9, PullRequestHeader.FLAG_SUBSCRIPTION, "*", 1);

        assertThat(behind.field("suggestWhichBrokerId")).isEqualTo("1");
        assertThat(recent.field("suggestWhichBrokerId")).isEqualTo("0");
    }

    @Test
    void withoutSlaveReadEnableEveryPullIsSentToTheMaster() throws Exception {
        serve(new PullRouting(false, false, 40, 1000, () -> 6, "127.0.0.1"));
        appendTen();

        assertThat(pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "*", 1).field("suggestWhichBrokerId")).isEqualTo("0");
    }

    @Test
    void aBrokerWithoutReadPermissionRefusesPulls() throws Exception {
        serve(PullRouting.of(false, false, 40, () -> 2, "10.0.0.9"));

        RemotingCommand response = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "*");

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.remark()).isEqualTo("the broker[10.0.0.9] pulling message is forbidden");
    }

    @Test
    void aSuspendedPullIsAnsweredWhenAMessageArrives() throws IOException {
        sendPull(0, PullRequestHeader.FLAG_SUBSCRIPTION | PullRequestHeader.FLAG_SUSPEND, "*", 15000);
        await().until(() -> held.size() == 1);

        append("late", "red");

        RemotingCommand response = loopback.client().receive();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactly("late");
    }

    @Test
    void aSuspendedPullDoesNotRecreateItsGroupDeletedMeanwhile() throws IOException {
        sendPull(0, PullRequestHeader.FLAG_SUBSCRIPTION | PullRequestHeader.FLAG_SUSPEND, "*", 500);
        await().until(() -> held.size() == 1);

        groupConfigs.delete("CG");
        RemotingCommand response = loopback.client().receive();

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
        assertThat(groupConfigs.find("CG")).isEmpty();
    }

    @Test
    void aSuspendedPullIsAnsweredWithNothingNewWhenItsTimeEnds() throws IOException {
        long start = System.nanoTime();
        sendPull(0, PullRequestHeader.FLAG_SUBSCRIPTION | PullRequestHeader.FLAG_SUSPEND, "*", 500);

        RemotingCommand response = loopback.client().receive();

        assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(400_000_000L);
    }

    @Test
    void keepsOnlyTheMessagesAnSql92ExpressionSelects() throws IOException {
        append("a", "red");
        append("b", "blue");
        append("c", "red");
        await().until(() -> store.maxOffset("TopicTest", 0) == 3);

        RemotingCommand response = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "TAGS = 'red'", "SQL92");

        assertThat(bodies(response)).containsExactly("a", "c");
    }

    @Test
    void refusesAnSql92ExpressionThatDoesNotCompile() throws IOException {
        RemotingCommand response = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "TAGS = ", "SQL92");

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(response.remark()).contains("TAGS = ");
    }

    @Test
    void keepsOnlyTheMessagesAJmsSelectorSelectsOnTypedPropertiesAndHeaders() throws IOException {
        appendJms("a", Map.of("TAGS", "car", "weight", "3000", "BOLIDE_JMS_TYPES", "weight:I"), 1_000);
        appendJms("b", Map.of("TAGS", "car", "weight", "3000"), 1_000);
        appendJms("c", Map.of("TAGS", "car", "weight", "3000", "BOLIDE_JMS_TYPES", "weight:J"), 5_000);
        appendJms("d", Map.of("TAGS", "bike", "weight", "9000", "BOLIDE_JMS_TYPES", "weight:I"), 1_000);
        await().until(() -> store.maxOffset("TopicTest", 0) == 4);

        RemotingCommand response = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION,
                "JMSType = 'car' AND weight > 2500 AND JMSTimestamp < 2000 AND JMSPriority = 4", "JMS");

        assertThat(bodies(response)).as("b's weight is a string, c is too late").containsExactly("a");
    }

    @Test
    void refusesAJmsSelectorThatDoesNotCompileWithTheReason() throws IOException {
        RemotingCommand response = pull(0, PullRequestHeader.FLAG_SUBSCRIPTION, "phone LIKE 12", "JMS");

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(response.remark()).contains("phone LIKE 12").contains("expected a string literal pattern");
    }

    private void appendJms(String body, Map<String, String> properties, long bornTimestamp) {
        store.append(MessageToStore.builder("TopicTest", 0, body.getBytes(StandardCharsets.UTF_8))
                .properties(properties).bornTimestamp(bornTimestamp).build());
    }

    @Test
    void refusesAPullOfAGroupWhoseConsumptionIsDisabled() throws IOException {
        groupConfigs.put(new SubscriptionGroupConfig("CG", false, true, true, 1, 16, 0, 1, true));

        assertThat(pull(0, 0, "*").code()).isEqualTo(ResponseCode.NO_PERMISSION);
    }

    @Test
    void refusesAPullOfAGroupWithoutSubscription() throws IOException {
        assertThat(pull(0, 0, null).code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_EXIST);
    }

    @Test
    void aPullWithoutItsOwnExpressionUsesTheGroupsHeartbeatSubscription() throws IOException {
        append("a", "red");
        append("b", "blue");
        await().until(() -> store.maxOffset("TopicTest", 0) == 2);
        groups.register(new ClientConnection(new EmbeddedChannel(), "client-1", LanguageCode.JAVA, 409),
                new HeartbeatData.Consumer("CG", "CONSUME_PASSIVELY", "CLUSTERING", "CONSUME_FROM_LAST_OFFSET", List.of(new Subscription("TopicTest", "blue", "TAG", 1))));

        assertThat(bodies(pull(0, 0, null))).containsExactly("b");
    }
}

package dev.bolide.broker.retry;

import dev.bolide.broker.ha.Writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.schedule.DelayLevels;
import dev.bolide.broker.schedule.DelayedSends;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONSUMER_SEND_MSG_BACK behind a real remoting server and a real store, driven over loopback. */
class SendBackProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;
    private TopicConfigTable topics;
    private SubscriptionGroupTable groups;
    private Loopback loopback;

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")), Clock.systemUTC());
        topics.put(TopicConfig.of("Orders", 4));
        groups = SubscriptionGroupTable.load(new MetadataFile(dir.resolve("config/subscriptionGroup.json")),
                Clock.systemUTC(), false);
        groups.put(new SubscriptionGroupConfig("CG", true, true, true, 2, 3, 0, 1, true));
        loopback = Loopback.start(Map.of(RequestCode.CONSUMER_SEND_MSG_BACK, new SendBackProcessor(store,
                Writes.unreplicated(store), groups, new RetryTopics(topics), new DelayedSends(DelayLevels.DEFAULT))));
    }

    @AfterEach
    void stop() throws IOException {
        loopback.close();
        store.close();
    }

    private AppendedMessage consumed(String topic, int reconsumeTimes, Map<String, String> properties) {
        return store.append(MessageToStore.builder(topic, 0, "failed".getBytes(StandardCharsets.UTF_8))
                .properties(properties).reconsumeTimes(reconsumeTimes).flag(7).build()).messages().get(0);
    }

    private RemotingCommand sendBack(String group, long offset, int delayLevel, Integer maxReconsumeTimes)
            throws IOException {
        Map<String, String> fields = new HashMap<>(Map.of("group", group, "offset", Long.toString(offset),
                "delayLevel", Integer.toString(delayLevel), "originMsgId", "ID-1", "originTopic", "Orders",
                "unitMode", "false"));
        if (maxReconsumeTimes != null) {
            fields.put("maxReconsumeTimes", maxReconsumeTimes.toString());
        }
        return loopback.call(RequestCode.CONSUMER_SEND_MSG_BACK, fields, null);
    }

    private MessageRecordView only(String topic, int queueId) {
        await().until(() -> store.maxOffset(topic, queueId) == 1);
        List<MessageRecordView> records = Loopback.records(store, topic, queueId);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void aFirstFailureWaitsAtLevelThreeForTheGroupsRetryTopic() throws IOException {
        AppendedMessage original = consumed("Orders", 0, Map.of("KEYS", "order-1", "UNIQ_KEY", "ID-1", "TAGS", "T"));

        RemotingCommand response = sendBack("CG", original.physicalOffset(), 0, 16);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(topics.find("%RETRY%CG")).hasValueSatisfying(t -> assertThat(t.writeQueueNums()).isEqualTo(2));
        MessageRecordView retry = only("SCHEDULE_TOPIC_XXXX", 2);
        assertThat(retry.reconsumeTimes()).isEqualTo(1);
        assertThat(retry.flag()).isEqualTo(7);
        assertThat(MessageProperties.decode(retry.properties())).containsEntry("DELAY", "3")
                .containsEntry("REAL_TOPIC", "%RETRY%CG").containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("ORIGIN_MESSAGE_ID", original.offsetMessageId()).containsEntry("KEYS", "order-1")
                .containsEntry("UNIQ_KEY", "ID-1").containsEntry("TAGS", "T");
    }

    @Test
    void aRetryTopicCreatedForASendBackIsWrittenOffTheSendingThreadAndAnsweredOnceWritten() throws Exception {
        List<Runnable> persister = new ArrayList<>();
        TopicConfigTable heldTopics = TopicConfigTable.load(new MetadataFile(dir.resolve("held/topics.json")),
                Clock.systemUTC(), persister::add);
        SendBackProcessor processor = new SendBackProcessor(store, Writes.unreplicated(store), groups,
                new RetryTopics(heldTopics), new DelayedSends(DelayLevels.DEFAULT));
        AppendedMessage original = consumed("Orders", 0, Map.of());

        CompletableFuture<RemotingCommand> answer = processor.process(null, RemotingCommand.request(
                RequestCode.CONSUMER_SEND_MSG_BACK, 1, Map.of("group", "CG", "offset",
                        Long.toString(original.physicalOffset()), "delayLevel", "0"), null));

        assertThat(answer).as("answered before the topics file holds %RETRY%CG").isNotDone();
        persister.forEach(Runnable::run);
        assertThat(answer.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Files.readString(dir.resolve("held/topics.json"))).contains("\"%RETRY%CG\"");
    }

    @Test
    void aRetriedMessageKeepsItsOriginalTopicAndIdAndWaitsOneLevelLonger() throws IOException {
        AppendedMessage retried = consumed("%RETRY%CG", 1,
                Map.of("RETRY_TOPIC", "Orders", "ORIGIN_MESSAGE_ID", "FIRST"));

        assertThat(sendBack("CG", retried.physicalOffset(), 0, 16).code()).isEqualTo(ResponseCode.SUCCESS);

        MessageRecordView retry = only("SCHEDULE_TOPIC_XXXX", 3);
        assertThat(retry.reconsumeTimes()).isEqualTo(2);
        assertThat(MessageProperties.decode(retry.properties())).containsEntry("DELAY", "4")
                .containsEntry("RETRY_TOPIC", "Orders").containsEntry("ORIGIN_MESSAGE_ID", "FIRST");
    }

    @Test
    void anExplicitLevelFromTheClientIsUsed() throws IOException {
        AppendedMessage original = consumed("Orders", 0, Map.of());

        sendBack("CG", original.physicalOffset(), 1, 16);

        assertThat(MessageProperties.decode(only("SCHEDULE_TOPIC_XXXX", 0).properties())).containsEntry("DELAY", "1");
    }

    @Test
    void atTheClientsMaxReconsumeTimesTheMessageBecomesADeadLetter() throws IOException {
        AppendedMessage retried = consumed("%RETRY%CG", 5, Map.of("RETRY_TOPIC", "Orders", "KEYS", "order-1",
                "DELAY", "7"));

        assertThat(sendBack("CG", retried.physicalOffset(), 0, 5).code()).isEqualTo(ResponseCode.SUCCESS);

        MessageRecordView deadLetter = only("%DLQ%CG", 0);
        assertThat(deadLetter.reconsumeTimes()).isEqualTo(6);
        assertThat(MessageProperties.decode(deadLetter.properties())).containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("KEYS", "order-1").containsEntry("RECONSUME_TIME", "6").doesNotContainKey("DELAY");
        assertThat(topics.find("%DLQ%CG")).hasValueSatisfying(t -> {
            assertThat(t.writeQueueNums()).isEqualTo(1);
            assertThat(t.perm()).isEqualTo(TopicConfig.PERM_READ_WRITE);
        });
    }

    @Test
    void withoutALimitFromTheClientTheGroupsRetryMaxTimesApplies() throws IOException {
        AppendedMessage retried = consumed("%RETRY%CG", 3, Map.of("RETRY_TOPIC", "Orders"));

        sendBack("CG", retried.physicalOffset(), 0, null);

        assertThat(only("%DLQ%CG", 0).reconsumeTimes()).isEqualTo(4);
    }

    @Test
    void aNegativeLevelSendsTheMessageStraightToTheDeadLetterQueue() throws IOException {
        AppendedMessage original = consumed("Orders", 0, Map.of());

        sendBack("CG", original.physicalOffset(), -1, 16);

        assertThat(MessageProperties.decode(only("%DLQ%CG", 0).properties())).containsEntry("RETRY_TOPIC", "Orders");
    }

    @Test
    void refusesAnUnknownGroupAndAnOffsetWithNoMessage() throws IOException {
        AppendedMessage original = consumed("Orders", 0, Map.of());

        assertThat(sendBack("nobody", original.physicalOffset(), 0, 16).code())
                .isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
        RemotingCommand missing = sendBack("CG", original.physicalOffset() + 1, 0, 16);
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(missing.remark()).contains("look message by offset failed");
    }

    @Test
    void aGroupWithoutRetryQueuesDropsTheMessage() throws IOException {
        groups.put(new SubscriptionGroupConfig("CG", true, true, true, 0, 3, 0, 1, true));
        AppendedMessage original = consumed("Orders", 0, Map.of());

        assertThat(sendBack("CG", original.physicalOffset(), 0, 16).code()).isEqualTo(ResponseCode.SUCCESS);

        assertThat(topics.find("%RETRY%CG")).isEmpty();
        assertThat(store.commitLogMaxOffset()).isEqualTo(original.physicalOffset() + original.size());
    }
}

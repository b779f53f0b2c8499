package dev.bolide.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.fixture.LiveConsumers;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which offsets a reset picks, and who is told: topic T, two queues of three messages each. */
class ResetOffsetProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;
    private ConsumerOffsets offsets;
    private final ConsumerGroups groups = new ConsumerGroups();
    private ResetOffsetProcessor processor;

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        offsets = ConsumerOffsets.load(new MetadataFile(dir.resolve("config/consumerOffset.json")));
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")),
                Clock.systemUTC());
        topics.put(TopicConfig.of("T", 2));
        for (int i = 0; i < 6; i++) {
            store.append(MessageToStore.builder("T", i % 2, new byte[] {(byte) i}).build());
        }
        await().until(() -> store.maxOffset("T", 1) == 3);
        processor = new ResetOffsetProcessor(new OffsetReset(topics, offsets, groups, store, "broker-a"));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    private RemotingCommand reset(long timestamp, boolean force) throws Exception {
        return processor.process(null, RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, 1,
                Map.of("topic", "T", "group", "CG", "timestamp", Long.toString(timestamp), "isForce",
                        Boolean.toString(force)), null)).get();
    }

    private EmbeddedChannel liveMember() {
        return LiveConsumers.join(groups, "CG", "client-1", "T");
    }

    @Test
    void aQueueTheGroupNeverCommittedOnIsRefused() throws Exception {
        offsets.commit("CG", "T", 0, 1);

        RemotingCommand response = reset(-1, true);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("THe consumer group <CG> not exist");
    }

    @Test
    void withoutALiveMemberTheAnswerIsConsumerNotOnline() throws Exception {
        offsets.commit("CG", "T", 0, 1);
        offsets.commit("CG", "T", 1, 1);

        RemotingCommand response = reset(-1, true);

        assertThat(response.code()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE);
        assertThat(offsets.committed("CG", "T", 0)).hasValue(1);
    }

    @Test
    void unforcedOnlyMovesQueuesBackAndTheLiveMemberIsTold() throws Exception {
        offsets.commit("CG", "T", 0, 3);
        offsets.commit("CG", "T", 1, 0);
        EmbeddedChannel member = liveMember();

        RemotingCommand response = reset(0, false);

        String expected = "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}:0,"
                + "{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:0}}";
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        RemotingCommand told = member.readOutbound();
        assertThat(told.code()).isEqualTo(RequestCode.RESET_CONSUMER_CLIENT_OFFSET);
        assertThat(told.isOneway()).isTrue();
        assertThat(new String(told.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void forcedToTheEndMovesEveryQueueForward() throws Exception {
        offsets.commit("CG", "T", 0, 1);
        offsets.commit("CG", "T", 1, 2);
        liveMember();

        RemotingCommand unforced = reset(-1, false);
        RemotingCommand forced = reset(-1, true);

        assertThat(new String(unforced.body(), StandardCharsets.UTF_8)).contains("\"queueId\":0,\"topic\":\"T\"}:1",
                "\"queueId\":1,\"topic\":\"T\"}:2");
        assertThat(new String(forced.body(), StandardCharsets.UTF_8)).contains("\"queueId\":0,\"topic\":\"T\"}:3",
                "\"queueId\":1,\"topic\":\"T\"}:3");
    }
}

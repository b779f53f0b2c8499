package dev.bolide.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mqadmin {@code cleanUnusedTopic}: deleteTopic now deletes a topic's queues itself, so the queues
 * this command finds are those of topics the broker never had a configuration for (or lost it).
 */
class StoreCleaningProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void cleanUnusedTopicDeletesTheQueuesOfTopicsWithoutConfigurationOnly() throws Exception {
        store = Loopback.openStore(dir);
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(dir.resolve("topics.json")), Clock.systemUTC());
        topics.put(TopicConfig.of("Kept", 1));
        store.append(MessageToStore.builder("Kept", 0, new byte[] {1}).build());
        store.append(MessageToStore.builder("Orphan", 0, new byte[] {2}).build());
        store.append(MessageToStore.builder("SCHEDULE_TOPIC_XXXX", 0, new byte[] {3}).build());
        await().until(() -> store.maxOffset("SCHEDULE_TOPIC_XXXX", 0) == 1 && store.maxOffset("Orphan", 0) == 1);

        RemotingCommand answer = new StoreCleaningProcessor(store, topics).process(null,
                RemotingCommand.request(RequestCode.CLEAN_UNUSED_TOPIC, 1, Map.of(), null)).get();

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(answer.remark()).contains("ConsumeQueues of 1 topics", "[Orphan]");
        assertThat(store.maxOffset("Orphan", 0)).isZero();
        assertThat(store.maxOffset("Kept", 0)).isEqualTo(1);
        assertThat(store.maxOffset("SCHEDULE_TOPIC_XXXX", 0)).as("a system topic").isEqualTo(1);
    }
}

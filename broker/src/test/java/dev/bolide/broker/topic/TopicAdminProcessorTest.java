package dev.bolide.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicAdminProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;
    private TopicConfigTable topics;
    private TopicAdminProcessor processor;

    @BeforeEach
    void open() throws IOException {
        store = Loopback.openStore(dir);
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("topics.json")), Clock.systemUTC());
        processor = new TopicAdminProcessor(topics, new TopicDeletion(topics, store));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private RemotingCommand call(int code, Map<String, String> fields) throws Exception {
        return processor.process(new EmbeddedChannel(), new RemotingCommand(code, LanguageCode.JAVA, 409, 1, 0, null,
                fields, null, SerializeType.JSON)).get();
    }

    private static Map<String, String> update(String topic) {
        Map<String, String> fields = new HashMap<>(Map.of("topic", topic, "defaultTopic", "TBW102",
                "readQueueNums", "3", "writeQueueNums", "3", "perm", "6", "topicFilterType", "SINGLE_TAG"));
        fields.put("order", "false");
        return fields;
    }

    @Test
    void createsReplacesAndDeletesTopics() throws Exception {
        assertThat(call(RequestCode.UPDATE_AND_CREATE_TOPIC, update("Orders")).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(topics.find("Orders").orElseThrow().writeQueueNums()).isEqualTo(3);

        assertThat(call(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "Orders")).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(topics.find("Orders")).isEmpty();
    }

    @Test
    void refusesSystemTopicsAndBadNames() throws Exception {
        assertThat(call(RequestCode.UPDATE_AND_CREATE_TOPIC, update("TBW102")).code())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(call(RequestCode.UPDATE_AND_CREATE_TOPIC, update("rmq_sys_x")).code())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(call(RequestCode.UPDATE_AND_CREATE_TOPIC, update("bad topic")).remark())
                .contains("illegal characters");
        assertThat(topics.all()).isEmpty();
    }

    @Test
    void deletingATopicDeletesItsConsumeQueuesAndTheTopicCanBeCreatedAgain() throws Exception {
        call(RequestCode.UPDATE_AND_CREATE_TOPIC, update("Orders"));
        for (int i = 0; i < 6; i++) {
            store.append(MessageToStore.builder("Orders", i % 3, new byte[] {(byte) i}).build());
        }
        await().until(() -> store.maxOffset("Orders", 2) == 2);
        Path queueFiles = Loopback.storeConfig(dir).consumeQueueDir().resolve("Orders");
        assertThat(queueFiles).isDirectory();

        assertThat(call(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "Orders")).code())
                .isEqualTo(ResponseCode.SUCCESS);

        assertThat(queueFiles).doesNotExist();
        assertThat(store.maxOffset("Orders", 0)).isZero();
        call(RequestCode.UPDATE_AND_CREATE_TOPIC, update("Orders"));
        store.append(MessageToStore.builder("Orders", 0, new byte[] {42}).build());
        await().until(() -> store.maxOffset("Orders", 0) > 0);
        assertThat(Loopback.records(store, "Orders", 0)).as("only the message sent after the deletion")
                .singleElement().satisfies(record -> assertThat(record.bodyBytes()).containsExactly(42));
        assertThat(store.maxOffset("Orders", 0) - store.minOffset("Orders", 0)).isEqualTo(1);
    }

    @Test
    void refusesToDeleteASystemTopicInRocketMqsWords() throws Exception {
        RemotingCommand refused = call(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "SCHEDULE_TOPIC_XXXX"));

        assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(refused.remark()).isEqualTo("The topic[SCHEDULE_TOPIC_XXXX] is conflict with system topic.");
    }
}

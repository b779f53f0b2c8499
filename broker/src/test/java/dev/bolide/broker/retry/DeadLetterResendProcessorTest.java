package dev.bolide.broker.retry;

import dev.bolide.broker.ha.Writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bolide's RESEND_DEAD_LETTER behind a real remoting server and a real store. */
class DeadLetterResendProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;
    private Loopback loopback;

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")), Clock.systemUTC());
        topics.put(TopicConfig.of("Orders", 1));
        loopback = Loopback.start(Map.of(BolideRequestCode.RESEND_DEAD_LETTER,
                new DeadLetterResendProcessor(new DeadLetterResend(store, Writes.unreplicated(store), topics))));
    }

    @AfterEach
    void stop() throws IOException {
        loopback.close();
        store.close();
    }

    private AppendedMessage stored(String topic, Map<String, String> properties) {
        return store.append(MessageToStore.builder(topic, 0, "dead".getBytes(StandardCharsets.UTF_8))
                .properties(properties).reconsumeTimes(17).build()).messages().get(0);
    }

    private RemotingCommand resend(long offset) throws IOException {
        return loopback.call(BolideRequestCode.RESEND_DEAD_LETTER, Map.of("offset", Long.toString(offset)), null);
    }

    @Test
    void aDeadLetterGoesBackToItsOriginalTopicWithItsKeysAndAFreshCount() throws IOException {
        AppendedMessage deadLetter = stored("%DLQ%CG", Map.of("RETRY_TOPIC", "Orders", "KEYS", "order-1",
                "UNIQ_KEY", "ID-1", "TAGS", "T", "ORIGIN_MESSAGE_ID", "FIRST", "REAL_TOPIC", "%RETRY%CG",
                "REAL_QID", "0", "RECONSUME_TIME", "17", "color", "red"));

        RemotingCommand response = resend(deadLetter.physicalOffset());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsEntry("queueId", "0").containsEntry("queueOffset", "0");
        await().until(() -> store.maxOffset("Orders", 0) == 1);
        MessageRecordView resent = Loopback.records(store, "Orders", 0).get(0);
        assertThat(MessageId.physicalOffset(response.field("msgId"))).isEqualTo(resent.physicalOffset());
        assertThat(resent.reconsumeTimes()).isZero();
        assertThat(new String(resent.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("dead");
        assertThat(MessageProperties.decode(resent.properties())).containsOnly(Map.entry("KEYS", "order-1"),
                Map.entry("UNIQ_KEY", "ID-1"), Map.entry("TAGS", "T"), Map.entry("ORIGIN_MESSAGE_ID", "FIRST"),
                Map.entry("color", "red"));
        assertThat(Loopback.records(store, "%DLQ%CG", 0)).hasSize(1);
    }

    @Test
    void onlyDeadLettersAreResent() throws IOException {
        AppendedMessage ordinary = stored("Orders", Map.of("RETRY_TOPIC", "Orders"));

        assertThat(resend(ordinary.physicalOffset()).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(resend(ordinary.physicalOffset() + 3).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(store.commitLogMaxOffset()).isEqualTo(ordinary.physicalOffset() + ordinary.size());
    }

    @Test
    void aDeadLetterWhoseTopicIsGoneIsNotResent() throws IOException {
        AppendedMessage deadLetter = stored("%DLQ%CG", Map.of("RETRY_TOPIC", "Gone"));

        assertThat(resend(deadLetter.physicalOffset()).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }
}

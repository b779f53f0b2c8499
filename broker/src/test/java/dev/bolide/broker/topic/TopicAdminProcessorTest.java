package dev.bolide.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicAdminProcessorTest {
    @TempDir
    Path dir;

    private RemotingCommand call(TopicAdminProcessor processor, int code, Map<String, String> fields) throws Exception {
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
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(dir.resolve("topics.json")), Clock.systemUTC());
        TopicAdminProcessor processor = new TopicAdminProcessor(topics);

        assertThat(call(processor, RequestCode.UPDATE_AND_CREATE_TOPIC, update("Orders")).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(topics.find("Orders").orElseThrow().writeQueueNums()).isEqualTo(3);

        assertThat(call(processor, RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "Orders")).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(topics.find("Orders")).isEmpty();
    }

    @Test
    void refusesSystemTopicsAndBadNames() throws Exception {
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(dir.resolve("topics.json")), Clock.systemUTC());
        TopicAdminProcessor processor = new TopicAdminProcessor(topics);

        assertThat(call(processor, RequestCode.UPDATE_AND_CREATE_TOPIC, update("TBW102")).code())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(call(processor, RequestCode.UPDATE_AND_CREATE_TOPIC, update("rmq_sys_x")).code())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(call(processor, RequestCode.UPDATE_AND_CREATE_TOPIC, update("bad topic")).remark())
                .contains("illegal characters");
        assertThat(topics.all()).isEmpty();
    }
}

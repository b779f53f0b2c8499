package dev.bolide.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.VersionedTopics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterBrokerBodyTest {
    /** What a RocketMQ 4.9 broker sends (the reference's sample). */
    private static final String ROCKETMQ_BODY = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":"
            + "{\"dataVersion\":{\"counter\":0,\"timestamp\":1795587237307},\"topicConfigTable\":{\"TopicTest\":"
            + "{\"order\":false,\"perm\":6,\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\","
            + "\"topicName\":\"TopicTest\",\"topicSysFlag\":0,\"writeQueueNums\":4}}}}";

    @Test
    void aRocketMqBrokersBodyIsRead() {
        VersionedTopics topics = RegisterBrokerBody.decode(ROCKETMQ_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(topics.dataVersion()).isEqualTo(new DataVersion(0, 1795587237307L));
        assertThat(topics.topics()).containsExactly(Map.entry("TopicTest", TopicConfig.of("TopicTest", 4)));
    }

    @Test
    void bolideWritesTheBodyARocketMqBrokerWrites() {
        byte[] body = RegisterBrokerBody.encode(new VersionedTopics(new DataVersion(0, 1795587237307L),
                Map.of("TopicTest", TopicConfig.of("TopicTest", 4))));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(ROCKETMQ_BODY);
    }

    @Test
    void theCrcIsMaskedToANonNegativeInt() {
        assertThat(RegisterBrokerBody.crc32("123456789".getBytes(StandardCharsets.US_ASCII)))
                .as("CRC32 of the check string is 0xCBF43926").isEqualTo(0xCBF43926 & 0x7FFFFFFF);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegisterBrokerBody.decode("not json".getBytes(StandardCharsets.UTF_8)));
    }
}

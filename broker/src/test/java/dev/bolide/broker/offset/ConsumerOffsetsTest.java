package dev.bolide.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetsTest {
    @TempDir
    Path dir;

    private MetadataFile file() {
        return new MetadataFile(dir.resolve("config/consumerOffset.json"));
    }

    @Test
    void aCommittedOffsetIsReturnedPerGroupTopicAndQueue() throws IOException {
        ConsumerOffsets offsets = ConsumerOffsets.load(file());

        offsets.commit("CG", "T", 1, 42);

        assertThat(offsets.committed("CG", "T", 1)).isEqualTo(OptionalLong.of(42));
        assertThat(offsets.committed("CG", "T", 0)).isEmpty();
        assertThat(offsets.committed("other", "T", 1)).isEmpty();
    }

    @Test
    void offsetsSurviveARestartInRocketMqsShape() throws IOException {
        ConsumerOffsets offsets = ConsumerOffsets.load(file());
        offsets.commit("CG", "T", 0, 5);
        offsets.commit("CG", "T", 1, 7);
        offsets.persist();

        assertThat(Files.readString(dir.resolve("config/consumerOffset.json")))
                .isEqualTo("{\"offsetTable\":{\"T@CG\":{\"0\":5,\"1\":7}}}");
        ConsumerOffsets reloaded = ConsumerOffsets.load(file());
        assertThat(reloaded.committed("CG", "T", 1)).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void readsTheUnquotedQueueIdsOfARocketMqBrokersFile() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/consumerOffset.json"), "{\"offsetTable\":{\"TopicTest@CG\":{0:5,1:7}}}");

        ConsumerOffsets offsets = ConsumerOffsets.load(file());

        assertThat(offsets.committed("CG", "TopicTest", 0)).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void aDamagedFileFallsBackToThePreviouslyPersistedOffsets() throws IOException {
        ConsumerOffsets offsets = ConsumerOffsets.load(file());
        offsets.commit("CG", "T", 0, 5);
        offsets.persist();
        offsets.commit("CG", "T", 0, 9);
        offsets.persist();
        Files.writeString(dir.resolve("config/consumerOffset.json"), "{\"offsetTable\":{\"T@CG\":{\"0\":");

        assertThat(ConsumerOffsets.load(file()).committed("CG", "T", 0)).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void removingAGroupForgetsItsOffsetsOnEveryTopic() throws IOException {
        ConsumerOffsets offsets = ConsumerOffsets.load(file());
        offsets.commit("CG", "T", 0, 5);
        offsets.commit("CG", "U", 0, 6);
        offsets.commit("XCG", "T", 0, 7);

        offsets.removeGroup("CG");

        assertThat(offsets.committed("CG", "T", 0)).isEmpty();
        assertThat(offsets.committed("CG", "U", 0)).isEmpty();
        assertThat(offsets.committed("XCG", "T", 0)).isEqualTo(OptionalLong.of(7));
    }
}

package dev.bolide.broker.topic;

import dev.bolide.broker.metadata.DataVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigTableTest {
    private static final TopicConfig TBW102 = new TopicConfig("TBW102", 8, 8,
            TopicConfig.PERM_READ_WRITE | TopicConfig.PERM_INHERIT, TopicConfig.SINGLE_TAG, 0, false);

    @TempDir
    Path dir;

    private TopicConfigTable load() throws IOException {
        return TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")), Clock.systemUTC());
    }

    @Test
    void topicsSurviveARestartInRocketMqsShape() throws IOException {
        TopicConfigTable table = load();
        table.put(TopicConfig.of("TopicTest", 4));

        assertThat(Files.readString(dir.resolve("config/topics.json"))).contains(
                "\"topicConfigTable\":{\"TopicTest\":{\"order\":false,\"perm\":6,\"readQueueNums\":4,"
                        + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,"
                        + "\"writeQueueNums\":4}}");
        TopicConfigTable reloaded = load();
        assertThat(reloaded.find("TopicTest")).contains(TopicConfig.of("TopicTest", 4));
        assertThat(reloaded.dataVersion().counter()).isEqualTo(1);
    }

    @Test
    void everyChangeBumpsTheDataVersion() throws IOException {
        TopicConfigTable table = load();
        table.put(TopicConfig.of("A", 1));
        table.put(TopicConfig.of("B", 1));
        table.delete("A");

        assertThat(table.dataVersion().counter()).isEqualTo(3);
        assertThat(table.all()).containsOnlyKeys("B");
    }

    @Test
    void aTopicCreatedFromTheDefaultTopicTakesTheSmallerQueueCountAndDropsInheritance() throws IOException {
        TopicConfigTable table = load();

        TopicConfig created = table.createFrom("NewTopic", TBW102, 4).orElseThrow();

        assertThat(created.writeQueueNums()).isEqualTo(4);
        assertThat(created.perm()).isEqualTo(TopicConfig.PERM_READ_WRITE);
        assertThat(table.createFrom("Other", TBW102, 100).orElseThrow().readQueueNums()).isEqualTo(8);
    }

    @Test
    void aTopicCreatedOnASendIsWrittenByThePersisterWhichSaysWhen() throws IOException {
        List<Runnable> persister = new ArrayList<>();
        TopicConfigTable table = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")),
                Clock.systemUTC(), persister::add);

        table.createFrom("NewTopic", TBW102, 4);
        CompletableFuture<Void> persisted = table.persisted("NewTopic");

        assertThat(table.find("NewTopic")).isPresent();
        assertThat(persisted).isNotDone();
        assertThat(load().find("NewTopic")).as("on disk").isEmpty();
        persister.forEach(Runnable::run);
        assertThat(persisted).isCompleted();
        assertThat(load().find("NewTopic")).as("on disk").isPresent();
        assertThat(table.persisted("NewTopic")).isCompleted();
    }

    @Test
    void aTemplateWithoutInheritanceCreatesNothing() throws IOException {
        TopicConfigTable table = load();

        assertThat(table.createFrom("NewTopic", TopicConfig.of("Plain", 8), 4)).isEmpty();
        assertThat(table.find("NewTopic")).isEmpty();
    }

    @Test
    void badTopicNamesAreRefusedWithRocketMqsMessages() throws IOException {
        TopicConfigTable table = load();

        assertThatIllegalArgumentException().isThrownBy(() -> table.put(TopicConfig.of("bad topic", 1)))
                .withMessageContaining("contains illegal characters");
        assertThatIllegalArgumentException().isThrownBy(() -> table.put(TopicConfig.of("t".repeat(128), 1)))
                .withMessageContaining("longer than topic max length");
        assertThatIllegalArgumentException().isThrownBy(() -> TopicName.check(" "))
                .withMessageContaining("blank");
        assertThat(table.all()).isEmpty();
    }
}

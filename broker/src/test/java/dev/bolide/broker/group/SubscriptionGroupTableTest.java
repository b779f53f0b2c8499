package dev.bolide.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupTableTest {
    @TempDir
    Path dir;

    private SubscriptionGroupTable open(boolean autoCreate) throws IOException {
        return SubscriptionGroupTable.load(new MetadataFile(dir.resolve("subscriptionGroup.json")), Clock.systemUTC(),
                autoCreate);
    }

    @Test
    void aGroupUsedForTheFirstTimeIsCreatedWithRocketMqDefaults() throws IOException {
        SubscriptionGroupConfig created = open(true).findOrCreate("CG").orElseThrow();

        assertThat(created).isEqualTo(SubscriptionGroupConfig.defaults("CG"));
        assertThat(created.retryMaxTimes()).isEqualTo(16);
        assertThat(created.retryQueueNums()).isEqualTo(1);
    }

    @Test
    void withoutAutoCreationAnUnknownGroupStaysUnknown() throws IOException {
        assertThat(open(false).findOrCreate("CG")).isEmpty();
    }

    @Test
    void systemGroupsAreCreatedEvenWithoutAutoCreation() throws IOException {
        assertThat(open(false).findOrCreate("CID_RMQ_SYS_TRANS")).isPresent();
    }

    @Test
    void theToolsGroupExistsFromTheStart() throws IOException {
        assertThat(open(false).find("TOOLS_CONSUMER")).isPresent();
    }

    @Test
    void configuredGroupsSurviveAReopen() throws IOException {
        SubscriptionGroupConfig configured = new SubscriptionGroupConfig("CG", false, true, true, 2, 3, 0, 1, false);
        open(true).put(configured);

        assertThat(open(false).find("CG")).contains(configured);
    }

    @Test
    void theFileHasRocketMqsShape() throws IOException {
        open(true).findOrCreate("CG");

        assertThat(Files.readString(dir.resolve("subscriptionGroup.json")))
                .contains("\"dataVersion\":{\"counter\":1,")
                .contains("\"subscriptionGroupTable\":{")
                .contains("\"CG\":{\"brokerId\":0,\"consumeBroadcastEnable\":true,\"consumeEnable\":true,");
    }

    @Test
    void aDeletedGroupIsGoneAfterAReopen() throws IOException {
        open(true).findOrCreate("CG");
        open(true).delete("CG");

        assertThat(open(false).find("CG")).isEmpty();
    }
}

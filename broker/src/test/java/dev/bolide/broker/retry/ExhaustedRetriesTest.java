package dev.bolide.broker.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.send.Destination;
import dev.bolide.broker.topic.TopicConfigTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries a client sends itself (its fallback, orderly consumers giving up) and the dead-letter queue. */
class ExhaustedRetriesTest {
    private static final Destination RETRY = new Destination("%RETRY%CG", 0);

    @TempDir
    Path dir;
    private TopicConfigTable topics;
    private ExhaustedRetries retries;

    @BeforeEach
    void setUp() throws IOException {
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("topics.json")), Clock.systemUTC());
        SubscriptionGroupTable groups = SubscriptionGroupTable.load(new MetadataFile(dir.resolve("groups.json")),
                Clock.systemUTC(), true);
        groups.put(new SubscriptionGroupConfig("CG", true, true, true, 1, 2, 0, 1, true));
        retries = new ExhaustedRetries(groups, new RetryTopics(topics));
    }

    @Test
    void aRetryWithinTheLimitStaysARetry() throws IOException {
        Map<String, String> properties = new HashMap<>(Map.of("DELAY", "4"));

        assertThat(retries.divert(RETRY, properties, 1, 16)).isEqualTo(RETRY);
        assertThat(properties).containsEntry("DELAY", "4");
    }

    @Test
    void aRetryAtTheClientsLimitIsADeadLetterWithoutDelay() throws IOException {
        Map<String, String> properties = new HashMap<>(Map.of("DELAY", "4", "KEYS", "k"));

        assertThat(retries.divert(RETRY, properties, 16, 16)).isEqualTo(new Destination("%DLQ%CG", 0));
        assertThat(properties).doesNotContainKey("DELAY").containsEntry("KEYS", "k")
                .containsEntry("RECONSUME_TIME", "16");
        assertThat(topics.find("%DLQ%CG")).isPresent();
    }

    @Test
    void withoutALimitFromTheClientTheGroupsRetryMaxTimesApplies() throws IOException {
        assertThat(retries.divert(RETRY, new HashMap<>(), 1, -1)).isEqualTo(RETRY);
        assertThat(retries.divert(RETRY, new HashMap<>(), 2, -1)).isEqualTo(new Destination("%DLQ%CG", 0));
    }

    @Test
    void otherTopicsAreLeftAlone() throws IOException {
        Destination orders = new Destination("Orders", 2);

        assertThat(retries.divert(orders, new HashMap<>(), 99, 1)).isEqualTo(orders);
    }
}

package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating a topic through the client's admin API (UPDATE_AND_CREATE_TOPIC on every broker of the key topic). */
class TopicAdminTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("deprecation")
    void aTopicCreatedWithTheClientGetsItsQueuesAndARoute() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir)) {
            DefaultMQProducer producer = broker.startProducer();
            try {
                producer.createTopic("TBW102", "Created", 6);

                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> producer.fetchPublishMessageQueues("Created").size() == 6);
                assertThat(producer.fetchPublishMessageQueues("Created"))
                        .allSatisfy(queue -> assertThat(queue.getBrokerName()).isEqualTo("broker-a"));
            } finally {
                producer.shutdown();
            }
        }
    }
}

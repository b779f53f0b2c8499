package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import dev.bolide.tck.apache.ApacheRocketMqBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RocketMQ killed with SIGKILL, as a crash does: its {@code abort} file stays, its ConsumeQueues
 * and checkpoint are wherever its background threads had got. Consumer offsets reach
 * {@code consumerOffset.json} only every {@code flushConsumerOffsetInterval}, so the kill waits for
 * the file to hold what RocketMQ answered: an offset RocketMQ never wrote cannot carry over.
 */
class KilledApacheRocketMqStoreOnBolideTest extends ApacheRocketMqStoreContract {
    @RegisterExtension
    static final ApacheRocketMqBroker ROCKETMQ = rocketMqBroker("flushConsumerOffsetInterval = 500");

    @Override
    protected ApacheRocketMqBroker rocketMq() {
        return ROCKETMQ;
    }

    @Override
    protected long stop(ApacheRocketMqBroker rocketMq, BrokerMetadata before) {
        Path offsets = rocketMq.storeDirectory().resolve("config").resolve("consumerOffset.json");
        Map<String, Map<String, Long>> answered = committed(before);
        await("offsets on disk").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> committedOnDisk(offsets, answered.keySet()).equals(answered));
        rocketMq.kill();
        assertThat(rocketMq.storeDirectory().resolve("abort")).as("RocketMQ's crash marker").exists();
        return 0;
    }

    /** {@code topic@group -> queueId -> offset}, the shape of {@code consumerOffset.json}. */
    private static Map<String, Map<String, Long>> committed(BrokerMetadata before) {
        Map<String, Map<String, Long>> committed = new TreeMap<>();
        before.offsets().forEach((group, queues) -> queues.forEach((queue, progress) -> {
            String[] topicAndQueueId = queue.split("/");
            committed.computeIfAbsent(topicAndQueueId[0] + "@" + group, k -> new TreeMap<>())
                    .put(topicAndQueueId[1], progress.consumerOffset());
        }));
        return committed;
    }

    /** The entries of {@code keys} as fastjson wrote them (queue ids unquoted). */
    private static Map<String, Map<String, Long>> committedOnDisk(Path file, Set<String> keys) throws Exception {
        JSONObject table = JSON.parseObject(Files.readString(file)).getJSONObject("offsetTable");
        Map<String, Map<String, Long>> committed = new TreeMap<>();
        for (String topicAtGroup : keys) {
            JSONObject queues = table.getJSONObject(topicAtGroup);
            if (queues != null) {
                queues.keySet().forEach(queue -> committed.computeIfAbsent(topicAtGroup, k -> new TreeMap<>())
                        .put(queue, queues.getLong(queue)));
            }
        }
        return committed;
    }
}

package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A RocketMQ store as retention leaves it: stopped with SIGTERM, then its oldest CommitLog segment
 * deleted, as {@code fileReservedTime} deletes it, while ConsumeQueues and index still refer to it
 * (RocketMQ cleans those later). Bolide serves the rest at their old queue offsets (the contract,
 * with only the messages stored after the first segment), each queue from its first message still
 * stored.
 */
class TrimmedApacheRocketMqStoreOnBolideTest extends StoppedApacheRocketMqStoreOnBolideTest {
    @Override
    protected long stop(ApacheRocketMqBroker rocketMq, BrokerMetadata before) throws Exception {
        super.stop(rocketMq, before);
        Files.delete(rocketMq.storeDirectory().resolve("commitlog").resolve("00000000000000000000"));
        return SEGMENT_SIZE;
    }

    @Test
    void eachQueueStartsAtItsFirstMessageStillStored() throws Exception {
        Map<Integer, Long> firstStored = sent().stream().filter(m -> m.content().topic().equals(SampleWorkload.ORDERS))
                .collect(Collectors.toMap(SentMessage::queueId, SentMessage::queueOffset, Math::min, TreeMap::new));
        Map<Integer, Long> minOffsets = new TreeMap<>();
        admin().examineTopicStats(SampleWorkload.ORDERS).getOffsetTable()
                .forEach((queue, offsets) -> minOffsets.put(queue.getQueueId(), offsets.getMinOffset()));

        assertThat(firstStored.values()).as("the first segment held some of each queue").allMatch(offset -> offset > 0);
        assertThat(minOffsets).isEqualTo(firstStored);
    }
}

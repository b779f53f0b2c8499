package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueueAllocationTest {
    private static List<MessageQueue> queues(int count) {
        return IntStream.range(0, count).mapToObj(id -> new MessageQueue("T", "broker-a", id)).toList();
    }

    private static List<Integer> ids(List<MessageQueue> queues) {
        return queues.stream().map(MessageQueue::queueId).toList();
    }

    @Test
    void theFirstMembersTakeOneQueueMoreInContiguousBlocks() {
        List<String> members = List.of("c@3", "a@1", "b@2");

        assertThat(ids(QueueAllocation.average(queues(8), members, "a@1"))).containsExactly(0, 1, 2);
        assertThat(ids(QueueAllocation.average(queues(8), members, "b@2"))).containsExactly(3, 4, 5);
        assertThat(ids(QueueAllocation.average(queues(8), members, "c@3"))).containsExactly(6, 7);
    }

    @Test
    void membersBeyondTheQueueCountGetNone() {
        List<String> members = List.of("a", "b", "c");

        assertThat(ids(QueueAllocation.average(queues(2), members, "b"))).containsExactly(1);
        assertThat(QueueAllocation.average(queues(2), members, "c")).isEmpty();
    }

    @Test
    void aClientNotYetAMemberGetsNothing() {
        assertThat(QueueAllocation.average(queues(4), List.of("a"), "z")).isEmpty();
    }
}

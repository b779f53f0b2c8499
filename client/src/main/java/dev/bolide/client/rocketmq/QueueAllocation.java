package dev.bolide.client.rocketmq;

import java.util.List;

/**
 * Splits the queues of a topic among the members of a consumer group. Every member computes its own
 * share from the same sorted inputs, so the shares are disjoint and cover every queue without any
 * coordination.
 */
public final class QueueAllocation {
    private QueueAllocation() {
    }

    /**
     * RocketMQ's "averagely" strategy: contiguous blocks of the sorted queues, the first
     * {@code queues % members} members taking one more; with more members than queues the last
     * members get none.
     *
     * @return {@code member}'s share; empty when it is not (yet) in {@code members}
     */
    public static List<MessageQueue> average(List<MessageQueue> queues, List<String> members, String member) {
        List<MessageQueue> sortedQueues = queues.stream().sorted().toList();
        List<String> sortedMembers = members.stream().sorted().toList();
        int index = sortedMembers.indexOf(member);
        if (index < 0 || sortedQueues.isEmpty()) {
            return List.of();
        }
        int count = sortedQueues.size() / sortedMembers.size();
        int extra = sortedQueues.size() % sortedMembers.size();
        int size = index < extra ? count + 1 : count;
        int start = index * count + Math.min(index, extra);
        return sortedQueues.subList(Math.min(start, sortedQueues.size()),
                Math.min(start + size, sortedQueues.size()));
    }
}

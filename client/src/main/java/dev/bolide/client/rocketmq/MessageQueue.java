package dev.bolide.client.rocketmq;

/** One queue of a topic on one broker (named, not addressed: the broker may move). */
public record MessageQueue(String topic, String brokerName, int queueId) implements Comparable<MessageQueue> {
    /** RocketMQ's order: topic, broker name, queue id; allocation relies on every member sorting alike. */
    @Override
    public int compareTo(MessageQueue other) {
        int byTopic = topic.compareTo(other.topic);
        if (byTopic != 0) {
            return byTopic;
        }
        int byBroker = brokerName.compareTo(other.brokerName);
        return byBroker != 0 ? byBroker : Integer.compare(queueId, other.queueId);
    }
}

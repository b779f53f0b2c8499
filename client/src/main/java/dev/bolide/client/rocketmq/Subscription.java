package dev.bolide.client.rocketmq;

/**
 * What a consumer group reads from a topic.
 *
 * @param expression tags ({@code "*"}, {@code "a || b"}) or an SQL92 selector
 * @param type       {@code "TAG"} or {@code "SQL92"}
 * @param version    RocketMQ's {@code subVersion}: a newer version replaces an older one on the broker
 */
public record Subscription(String topic, String expression, String type, long version) {
    public static final String TAG = "TAG";
    public static final String SQL92 = "SQL92";

    /** Every message of {@code topic}. */
    public static Subscription all(String topic) {
        return new Subscription(topic, "*", TAG, System.currentTimeMillis());
    }
}

package dev.bolide.broker.client;

/**
 * What a consumer group consumes from one topic.
 *
 * @param expression     {@code "*"}, tags separated by {@code ||}, or an SQL92 expression
 * @param expressionType {@code TAG} or {@code SQL92}
 * @param version        grows with every change of the subscription (the client's subVersion)
 */
public record Subscription(String topic, String expression, String expressionType, long version) {
}

package dev.bolide.broker.client;

import java.util.Arrays;
import java.util.List;

/**
 * What a consumer group consumes from one topic.
 *
 * @param expression     {@code "*"}, tags separated by {@code ||}, or an SQL92 expression
 * @param expressionType {@code TAG} or {@code SQL92}
 * @param version        grows with every change of the subscription (the client's subVersion)
 */
public record Subscription(String topic, String expression, String expressionType, long version) {
    public static final String TAG = "TAG";

    /** The tags a TAG subscription names; empty for {@code "*"} (everything) and for SQL92. */
    public List<String> tags() {
        return expressionType.equals(TAG) ? tagsOf(expression) : List.of();
    }

    /** The tags of a TAG expression: {@code "A || B"} names A and B; {@code "*"} and blank name none. */
    public static List<String> tagsOf(String expression) {
        if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
            return List.of();
        }
        return Arrays.stream(expression.split("\\|\\|")).map(String::trim).filter(tag -> !tag.isEmpty()).distinct()
                .toList();
    }
}

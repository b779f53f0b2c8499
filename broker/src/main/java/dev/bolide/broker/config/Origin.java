package dev.bolide.broker.config;

/** Whose key a setting is: an existing RocketMQ configuration carries only the first two. */
public enum Origin {
    ROCKETMQ_4("RocketMQ 4.9"),
    ROCKETMQ_5("RocketMQ 5"),
    BOLIDE("Bolide");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package dev.bolide.client.jms.consumer;

import java.util.UUID;

/**
 * The RocketMQ consumer group behind each kind of Jakarta Messaging consumer. Group names allow
 * {@code [A-Za-z0-9_-]} (and {@code %|}, kept for the broker's own groups): other characters of a
 * client id or subscription name become {@code _}.
 */
public final class GroupNames {
    private static final int MAX_LENGTH = 255;
    private static final String NON_DURABLE_PREFIX = "BOLIDE_ND_";

    private GroupNames() {
    }

    /** The one group of a queue: every consumer of the queue, in any connection, shares it. */
    public static String queue(String queue) {
        return legal("BOLIDE_Q_" + queue);
    }

    /** A durable subscription belongs to the client id and its name. */
    public static String durable(String clientId, String subscription) {
        return legal("BOLIDE_D_" + clientId + "_" + subscription);
    }

    /** A shared durable subscription is named by its name alone. */
    public static String sharedDurable(String subscription) {
        return legal("BOLIDE_SD_" + subscription);
    }

    /** A shared non-durable subscription: its name, and the client id when there is one. */
    public static String sharedNonDurable(String clientId, String subscription) {
        return legal("BOLIDE_SN_" + (clientId == null ? "" : clientId + "_") + subscription);
    }

    /** A non-durable subscriber: a group of its own, for as long as it lives. */
    public static String nonDurable() {
        return NON_DURABLE_PREFIX + UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether the group is a non-durable subscriber's own, to be removed when it closes. */
    public static boolean isNonDurable(String group) {
        return group.startsWith(NON_DURABLE_PREFIX);
    }

    private static String legal(String name) {
        String legal = name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (legal.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("consumer group name longer than " + MAX_LENGTH + ": " + name);
        }
        return legal;
    }
}

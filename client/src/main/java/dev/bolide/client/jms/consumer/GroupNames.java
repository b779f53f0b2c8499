package dev.bolide.client.jms.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The RocketMQ consumer group behind each kind of Jakarta Messaging consumer. Group names allow
 * {@code [A-Za-z0-9_-]} (and {@code %|}, kept for the broker's own groups): other characters of a
 * client id or subscription name become {@code _}.
 */
public final class GroupNames {
    private static final int MAX_LENGTH = 255;
    private static final String NON_DURABLE_PREFIX = "BOLIDE_ND_";
    /** Hex digits of a durable subscription's definition in its group's name. */
    private static final int FINGERPRINT_LENGTH = 16;

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

    /**
     * The group of one definition of a durable subscription whose name's group is
     * {@code subscriptionGroup} ({@link #durable} or {@link #sharedDurable}): another topic, selector or
     * noLocal makes another group, so that a subscription created again with another definition
     * starts afresh, and finds the old definition's group to replace.
     */
    public static String definition(String subscriptionGroup, String topic, String selector, boolean noLocal) {
        String definition = topic + "\n" + (selector == null || selector.isBlank() ? "" : selector) + "\n" + noLocal;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8));
            return checkLength(subscriptionGroup + "-"
                    + HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether {@code group} is a definition's group of the subscription whose name's group is
     * {@code subscriptionGroup}, or that group itself (as subscriptions were created before their
     * definition was part of the group).
     */
    public static boolean ofSubscription(String group, String subscriptionGroup) {
        return group.equals(subscriptionGroup) || group.length() == subscriptionGroup.length() + 1 + FINGERPRINT_LENGTH
                && group.startsWith(subscriptionGroup + "-")
                && group.substring(subscriptionGroup.length() + 1).chars().allMatch(c -> Character.digit(c, 16) >= 0);
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
        return checkLength(name.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    private static String checkLength(String group) {
        if (group.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("consumer group name longer than " + MAX_LENGTH + ": " + group);
        }
        return group;
    }
}

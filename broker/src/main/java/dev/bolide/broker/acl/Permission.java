package dev.bolide.broker.acl;

import java.util.Map;

/**
 * RocketMQ 4.9's permission bits on a topic or a group, as {@code plain_acl.yml} spells them
 * ({@code DENY}, {@code PUB}, {@code SUB}, {@code PUB|SUB}, {@code SUB|PUB}), and whether an owned
 * permission grants a needed one.
 */
final class Permission {
    static final byte DENY = 1;
    static final byte PUB = 1 << 2;
    static final byte SUB = 1 << 3;

    private static final Map<String, Byte> SPELLINGS = Map.of("DENY", DENY, "PUB", PUB, "SUB", SUB,
            "PUB|SUB", (byte) (PUB | SUB), "SUB|PUB", (byte) (PUB | SUB));

    private Permission() {
    }

    /**
     * RocketMQ reads any other spelling as DENY without a word; Bolide refuses it, so that a typo is
     * found when the file is read rather than as a refused request.
     *
     * @throws IllegalArgumentException for a spelling RocketMQ does not know
     */
    static byte parse(String text) {
        Byte permission = SPELLINGS.get(text.trim());
        if (permission == null) {
            throw new IllegalArgumentException("'" + text + "' is not one of DENY, PUB, SUB, PUB|SUB, SUB|PUB");
        }
        return permission;
    }

    /** DENY wins over anything else it is combined with, as in RocketMQ. */
    static boolean grants(byte owned, byte needed) {
        return (owned & DENY) == 0 && (owned & needed) != 0;
    }
}

package dev.bolide.client.jms.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client ids held by live connections of this JVM: a client id identifies one connection at a
 * time (its durable subscriptions belong to it). Connections in other JVMs are not seen.
 */
final class ClientIds {
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private ClientIds() {
    }

    /** False when another live connection holds {@code clientId}. */
    static boolean claim(String clientId) {
        return HELD.add(clientId);
    }

    static void release(String clientId) {
        HELD.remove(clientId);
    }
}

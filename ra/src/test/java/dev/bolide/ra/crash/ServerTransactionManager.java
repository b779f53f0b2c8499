package dev.bolide.ra.crash;

import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's JTA TransactionManager, which Jakarta EE does not name: the crash test enlists a
 * resource of its own with it (the shop's crash test too). Each server binds it under a name of its own.
 */
public final class ServerTransactionManager {
    /** Payara and GlassFish, then WildFly (Narayana). */
    private static final List<String> NAMES = List.of("java:appserver/TransactionManager", "java:/TransactionManager");

    private ServerTransactionManager() {
    }

    public static TransactionManager lookup() throws NamingException {
        for (String name : NAMES) {
            try {
                return InitialContext.doLookup(name);
            } catch (NamingException notOnThisServer) {
                // the next server's name
            }
        }
        throw new NamingException("no TransactionManager under any of " + NAMES);
    }
}

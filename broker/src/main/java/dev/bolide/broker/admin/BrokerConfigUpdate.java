package dev.bolide.broker.admin;

import java.io.IOException;
import java.util.Map;

/**
 * Where UPDATE_BROKER_CONFIG saves changed {@code broker.conf} keys. Bolide reads its configuration
 * at start, so a saved change applies from the next start.
 */
@FunctionalInterface
public interface BrokerConfigUpdate {
    /** For a broker not started from a file: every update is refused. */
    BrokerConfigUpdate NOT_FROM_A_FILE = changes -> {
        throw new IllegalArgumentException("this broker was not started from a broker.conf, so there is nowhere to"
                + " save configuration changes");
    };

    /**
     * Saves the changes.
     *
     * @return where they were saved, for the reply
     * @throws IllegalArgumentException when a key is unknown or a value does not parse (nothing is saved)
     */
    String save(Map<String, String> changes) throws IOException;
}

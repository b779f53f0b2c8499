package dev.bolide.ra;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adapter's active endpoints, by the factory and spec the server activated them with, which it
 * names again to deactivate one (Connectors 2.1, 13.4.4).
 */
final class EndpointActivations {
    private static final System.Logger LOG = System.getLogger(EndpointActivations.class.getName());

    private record Key(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    private final Map<Key, AutoCloseable> active = new ConcurrentHashMap<>();

    /** @throws IllegalStateException when the pair is active already (the new activation is closed) */
    void add(MessageEndpointFactory factory, ActivationSpec spec, AutoCloseable activation) {
        if (active.putIfAbsent(new Key(factory, spec), activation) != null) {
            close(activation);
            throw new IllegalStateException("Bolide resource adapter: endpoint " + factory.getActivationName()
                    + " is active already with this activation spec");
        }
    }

    /** Stops the endpoint's delivery; a pair that is not active is left alone. */
    void remove(MessageEndpointFactory factory, ActivationSpec spec) {
        AutoCloseable activation = active.remove(new Key(factory, spec));
        if (activation != null) {
            close(activation);
        }
    }

    /** The activations of the given specs, whatever their endpoints. */
    List<AutoCloseable> of(List<ActivationSpec> specs) {
        return active.entrySet().stream().filter(entry -> specs.contains(entry.getKey().spec()))
                .map(Map.Entry::getValue).toList();
    }

    /** How many endpoints are active. */
    int count() {
        return active.size();
    }

    /** Stops every endpoint's delivery (when the adapter stops). */
    void removeAll() {
        for (Key key : List.copyOf(active.keySet())) {
            remove(key.factory(), key.spec());
        }
    }

    private static void close(AutoCloseable activation) {
        try {
            activation.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Bolide resource adapter: an endpoint did not stop cleanly", e);
        }
    }
}

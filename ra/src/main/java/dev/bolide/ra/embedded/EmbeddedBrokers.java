package dev.bolide.ra.embedded;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The embedded brokers of this JVM: one per store directory, shared by every adapter instance that
 * asks for that store. The first instance starts it, the last one to let go stops it.
 *
 * <p>Why: WildFly starts a new instance of the adapter for each {@code @ConnectionFactoryDefinition}
 * and {@code @AdministeredObjectDefinition} naming it, from {@code ra.xml}'s defaults; each started
 * a broker of its own on a store the first one had locked. An instance now uses the broker already
 * running on its store. The settings an instance names (its configured properties) must be the
 * running broker's; the ones it leaves at their defaults are taken from the running broker, so a
 * definition's instance, which names none, joins the broker the server's configuration started.
 */
public final class EmbeddedBrokers {
    private static final Map<Path, Shared> RUNNING = new HashMap<>();

    private EmbeddedBrokers() {
    }

    /** A running broker and how many adapter instances use it. */
    private static final class Shared {
        private final EmbeddedBrokerSettings settings;
        private final EmbeddedBroker broker;
        private int users;

        private Shared(EmbeddedBrokerSettings settings, EmbeddedBroker broker) {
            this.settings = settings;
            this.broker = broker;
        }
    }

    /**
     * The broker of {@code wanted}'s store: the running one, else one started with {@code wanted}.
     *
     * @param named the settings the adapter instance was configured with (names of
     *              {@link EmbeddedBrokerSettings}' components); the others may differ from the running broker's
     * @throws IllegalStateException when a named setting differs from the running broker's
     */
    public static synchronized Lease acquire(EmbeddedBrokerSettings wanted, Set<String> named)
            throws IOException, InterruptedException {
        Path store = wanted.storeDir().toAbsolutePath().normalize();
        Shared shared = RUNNING.get(store);
        if (shared == null) {
            shared = new Shared(wanted, EmbeddedBroker.start(wanted));
            RUNNING.put(store, shared);
        } else {
            checkSame(store, shared.settings, wanted, named);
        }
        shared.users++;
        return new Lease(store, shared);
    }

    private static void checkSame(Path store, EmbeddedBrokerSettings running, EmbeddedBrokerSettings wanted,
            Set<String> named) {
        for (String setting : named) {
            Object has = value(running, setting);
            Object asked = value(wanted, setting);
            if (!Objects.equals(has, asked)) {
                throw new IllegalStateException("the embedded broker of store " + store + " already runs in this JVM"
                        + " with " + setting + " = " + has + ", and this adapter instance asks for " + setting + " = "
                        + asked + ". Adapter instances share one embedded broker per store directory: configure them"
                        + " alike, leave " + setting + " unset in this one, or give it a storeDir of its own");
            }
        }
    }

    private static Object value(EmbeddedBrokerSettings settings, String setting) {
        RecordComponent component = Arrays.stream(EmbeddedBrokerSettings.class.getRecordComponents())
                .filter(candidate -> candidate.getName().equals(setting)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no embedded broker setting " + setting));
        try {
            return component.getAccessor().invoke(settings);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void release(Path store, Shared shared) throws IOException {
        if (--shared.users == 0) {
            RUNNING.remove(store, shared);
            shared.broker.close();
        }
    }

    /** One adapter instance's use of a shared broker; closing it stops the broker if it was the last. */
    public static final class Lease implements AutoCloseable {
        private final Path store;
        private final Shared shared;
        private boolean closed;

        private Lease(Path store, Shared shared) {
            this.store = store;
            this.shared = shared;
        }

        /** {@code host:port} of the shared broker's name server. */
        public String nameServerAddress() {
            return shared.broker.nameServerAddress();
        }

        /** The shared broker's meters in the Prometheus text format. */
        public String scrapeMetrics() {
            return shared.broker.scrapeMetrics();
        }

        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                release(store, shared);
            }
        }
    }
}

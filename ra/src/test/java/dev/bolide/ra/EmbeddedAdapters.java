package dev.bolide.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import java.nio.file.Path;

/** Adapters in EMBEDDED mode outside a server: a real broker on free loopback ports, store under a test directory. */
public final class EmbeddedAdapters {
    /** The adapter keeps the server's context for later work and does not use it yet. */
    private static final BootstrapContext NO_SERVER = null;

    private EmbeddedAdapters() {
    }

    /** Starts {@code adapter} with its store in {@code store}, with small commit-log files. */
    public static BolideResourceAdapter start(BolideResourceAdapter adapter, Path store) throws ResourceException {
        return start(adapter, store, NO_SERVER);
    }

    /** As {@link #start(BolideResourceAdapter, Path)}, in {@code server} (whose WorkManager runs deliveries). */
    public static BolideResourceAdapter start(BolideResourceAdapter adapter, Path store, BootstrapContext server)
            throws ResourceException {
        adapter.setBrokerPort(0);
        adapter.setNameServerPort(0);
        adapter.setStoreDir(store.toString());
        adapter.setMappedFileSizeCommitLog(8 << 20);
        adapter.start(server);
        return adapter;
    }
}

package dev.bolide.tck.architecture;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The module table of DESIGN.md, top to bottom: a module may use only the modules above it, and of
 * each only its API packages.
 *
 * @param name        the module's folder, and {@code bolide-<name>} its artifact
 * @param apiPackages the packages other modules may use (each without its subpackages)
 */
record ModuleTable(String name, Set<String> apiPackages) {
    static final List<ModuleTable> MODULES = List.of(
            new ModuleTable("protocol", Set.of("dev.bolide.protocol.message", "dev.bolide.protocol.remoting",
                    "dev.bolide.protocol.selector", "dev.bolide.protocol.xa", "dev.bolide.protocol.jms")),
            // segment, checkpoint and worker: the I/O layer (mapped segment files, crash marker, background
            // loop) under the CommitLog, also used by the broker's timer for its own log and wheel
            new ModuleTable("store", Set.of("dev.bolide.store", "dev.bolide.store.replication",
                    "dev.bolide.store.segment", "dev.bolide.store.checkpoint", "dev.bolide.store.worker")),
            new ModuleTable("remoting", Set.of("dev.bolide.remoting")),
            new ModuleTable("broker", Set.of("dev.bolide.broker", "dev.bolide.broker.config")),
            // jms: what an application names, with the queue and topic objects it may build itself;
            // spi: what a container integration (the resource adapter) names beyond that
            new ModuleTable("client", Set.of("dev.bolide.client.jms", "dev.bolide.client.jms.destination",
                    "dev.bolide.client.spi")),
            new ModuleTable("ra", Set.of("dev.bolide.ra")));

    String rootPackage() {
        return "dev.bolide." + name;
    }

    /** The module whose packages hold {@code packageName}, if it is one of Bolide's. */
    static Optional<ModuleTable> of(String packageName) {
        return MODULES.stream().filter(module -> packageName.equals(module.rootPackage())
                || packageName.startsWith(module.rootPackage() + ".")).findFirst();
    }

    /** Whether this module stands above {@code other} in the table, so that {@code other} may use it. */
    boolean isAbove(ModuleTable other) {
        return MODULES.indexOf(this) < MODULES.indexOf(other);
    }
}

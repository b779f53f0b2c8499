package dev.bolide.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A broker under test: its child JVMs (broker, and name server if separate) and its scratch
 * directory. Closing stops the JVMs and deletes the directory; a shutdown hook does the same if
 * the harness is stopped (Ctrl-C) in between, so no broker outlives the harness.
 */
public abstract class BrokerProcess implements AutoCloseable {
    /**
     * A ceiling, not a wait: RocketMQ 5.5.0 took over 90 s to boot on 2 cores with a load average
     * of 40 (its logging setup alone took 10 s).
     */
    static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final String name;
    private final ScratchDirectory directory;
    private final List<ChildJvm> children = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::killForShutdown, "bench-broker-cleanup");
    private boolean closed;

    protected BrokerProcess(String name, ScratchDirectory directory) {
        this.name = name;
        this.directory = directory;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public final String name() {
        return name;
    }

    /** What a client is given to reach the broker: a name server's {@code host:port}, or a URL. */
    public abstract String clientAddress();

    /**
     * CPU used so far by every JVM of this broker, its name server's included: Bolide serves names
     * inside its broker JVM, RocketMQ in a JVM of its own, and either way that is the broker's work.
     */
    final synchronized long cpuNanos() {
        return children.stream().mapToLong(ChildJvm::cpuNanos).sum();
    }

    /** {@link #cpuNanos()} per JVM, in the order they were started (a master before its slave). */
    final synchronized long[] cpuNanosByJvm() {
        return children.stream().mapToLong(ChildJvm::cpuNanos).toArray();
    }

    /** How clients must talk to this broker: by default in the clear, unsigned. */
    BrokerSecurity security() {
        return BrokerSecurity.NONE;
    }

    protected final ScratchDirectory directory() {
        return directory;
    }

    /** Starts a child JVM and waits until it prints {@code readyMarker}. */
    protected final void launch(String childName, List<String> arguments, String readyMarker)
            throws IOException, InterruptedException {
        ChildJvm child;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            child = ChildJvm.start(childName, arguments, directory.resolve(childName + ".out"));
            children.add(child);
        }
        child.awaitOutput(readyMarker, START_TIMEOUT);
    }

    /**
     * Stops the JVMs, the last started first (the broker before its name server), and deletes the
     * directory. If interrupted meanwhile, kills what is left rather than leave it running.
     */
    @Override
    public final synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = children.size() - 1; i >= 0; i--) {
                children.get(i).stop();
            }
        } catch (InterruptedException e) {
            killAll();
            Thread.currentThread().interrupt();
        }
        directory.delete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs or has run, and finds this closed
        }
    }

    /** What starts a broker's JVMs once the object that will stop them exists. */
    @FunctionalInterface
    protected interface Startup<B extends BrokerProcess> {
        void start(B broker) throws IOException, InterruptedException;
    }

    /** Runs {@code startup} on {@code broker}; should it fail, closes the broker so that nothing started stays running. */
    protected static <B extends BrokerProcess> B started(B broker, Startup<B> startup)
            throws IOException, InterruptedException {
        try {
            startup.start(broker);
            return broker;
        } catch (IOException | InterruptedException | RuntimeException e) {
            ((BrokerProcess) broker).closeAfter(e); // private: reached through the class, not B
            throw e;
        }
    }

    /** Closes after {@code failure} in starting or using the broker, which stays the error to report. */
    private void closeAfter(Exception failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private synchronized void killForShutdown() {
        if (closed) {
            return;
        }
        closed = true;
        killAll();
        try {
            directory.delete();
        } catch (IOException e) {
            System.err.println("could not delete " + directory.path() + ": " + e);
        }
    }

    private void killAll() {
        for (ChildJvm child : children) {
            child.kill();
        }
    }
}

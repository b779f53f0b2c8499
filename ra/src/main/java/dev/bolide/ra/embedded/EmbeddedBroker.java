package dev.bolide.ra.embedded;

import dev.bolide.broker.BolideBroker;
import java.io.IOException;

/**
 * A broker and its name server running inside the application server. Its Netty I/O, store and
 * housekeeping threads are its own (the one exception to running work on the server's
 * WorkManager); {@link #close()} ends them and unmaps and closes every store file.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final BolideBroker broker;
    private final String brokerAddress;

    private EmbeddedBroker(BolideBroker broker, String brokerAddress) {
        this.broker = broker;
        this.brokerAddress = brokerAddress;
    }

    public static EmbeddedBroker start(EmbeddedBrokerSettings settings) throws IOException, InterruptedException {
        return new EmbeddedBroker(BolideBroker.start(settings.brokerSettings()), settings.brokerAddress());
    }

    /** {@code host:port} of the embedded name server, the port it really listens on (also when configured as 0). */
    public String nameServerAddress() {
        return brokerAddress + ":" + broker.nameServerPort();
    }

    /** The broker's meters in the Prometheus text format (it serves no console of its own). */
    public String scrapeMetrics() {
        return broker.scrapeMetrics();
    }

    @Override
    public void close() throws IOException {
        broker.close();
    }
}

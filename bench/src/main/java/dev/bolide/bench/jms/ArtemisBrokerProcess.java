package dev.bolide.bench.jms;

import dev.bolide.bench.load.BrokerProcess;
import dev.bolide.bench.load.BrokerSetup;
import dev.bolide.bench.load.FreePorts;
import dev.bolide.bench.load.ScratchDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link ArtemisServer} in a child JVM started from the harness's own class path, with the same
 * JVM options as the Bolide broker and its journal in a fresh scratch directory.
 */
final class ArtemisBrokerProcess extends BrokerProcess {
    private final int port;

    private ArtemisBrokerProcess(String name, ScratchDirectory directory, int port) {
        super(name, directory);
        this.port = port;
    }

    /**
     * @param name                the broker's column in the table
     * @param bufferTimeoutNanos  the journal's buffer timeout; empty for Artemis's own
     */
    static ArtemisBrokerProcess start(BrokerSetup setup, String name, OptionalLong bufferTimeoutNanos)
            throws IOException, InterruptedException {
        return started(new ArtemisBrokerProcess(name, ScratchDirectory.create(setup.scratchParent(), "artemis-"),
                FreePorts.consecutive(1)), broker -> {
            List<String> arguments = new ArrayList<>(setup.jvmOptions(broker.directory()));
            arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), ArtemisServer.class.getName(),
                    broker.directory().resolve("data").toString(), Integer.toString(broker.port), bufferTimeoutNanos.isPresent()
                            ? Long.toString(bufferTimeoutNanos.getAsLong()) : ArtemisServer.DEFAULT_TIMEOUT));
            broker.launch("artemis", arguments, ArtemisServer.READY);
        });
    }

    @Override
    public String clientAddress() {
        return "tcp://127.0.0.1:" + port;
    }
}

package dev.bolide.bench.jms;

import dev.bolide.bench.load.BrokerProcess;
import dev.bolide.bench.load.BrokerSetup;
import dev.bolide.bench.load.FreePorts;
import dev.bolide.bench.load.ScratchDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ArtemisServer} in a child JVM started from the harness's own class path, with the same
 * JVM options as the Bolide broker and its journal in a fresh scratch directory.
 */
final class ArtemisBrokerProcess extends BrokerProcess {
    private final int port;

    private ArtemisBrokerProcess(ScratchDirectory directory, int port) {
        super("Artemis", directory);
        this.port = port;
    }

    static ArtemisBrokerProcess start(BrokerSetup setup) throws IOException, InterruptedException {
        return started(new ArtemisBrokerProcess(ScratchDirectory.create(setup.scratchParent(), "artemis-"),
                FreePorts.consecutive(1)), broker -> {
            List<String> arguments = new ArrayList<>(setup.jvmOptions(broker.directory()));
            arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), ArtemisServer.class.getName(),
                    broker.directory().resolve("data").toString(), Integer.toString(broker.port)));
            broker.launch("artemis", arguments, ArtemisServer.READY);
        });
    }

    @Override
    public String clientAddress() {
        return "tcp://127.0.0.1:" + port;
    }
}

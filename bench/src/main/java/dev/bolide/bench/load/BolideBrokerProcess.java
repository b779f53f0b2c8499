package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar bolide-broker.jar -c broker.conf}: one JVM holding the broker and its name server. */
public final class BolideBrokerProcess extends BrokerProcess {
    private final int nameServerPort;

    private BolideBrokerProcess(ScratchDirectory directory, int nameServerPort) {
        super("Bolide", directory);
        this.nameServerPort = nameServerPort;
    }

    /** @param metrics whether the broker keeps its meters and serves /metrics (on a free port) */
    public static BolideBrokerProcess start(BrokerSetup setup, Path brokerJar, boolean metrics)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(brokerJar)) {
            throw new IllegalStateException(brokerJar + " is missing: build the broker module first (bench/README.md)");
        }
        // five ports: the VIP port (listenPort - 2), one left alone, listenPort, the HA port
        // (listenPort + 1) and the name server's
        int brokerPort = FreePorts.consecutive(5) + 2;
        return started(new BolideBrokerProcess(ScratchDirectory.create(setup.scratchParent(), "bolide-"),
                brokerPort + 2), broker -> {
            List<String> conf = new ArrayList<>(setup.brokerConfLines(brokerPort, broker.directory()));
            conf.add("namesrvListenPort = " + broker.nameServerPort);
            conf.add("consoleListenPort = " + (metrics ? 0 : -1));
            Path confFile = Files.write(broker.directory().resolve("broker.conf"), conf);
            List<String> arguments = new ArrayList<>(setup.jvmOptions(broker.directory()));
            arguments.addAll(List.of("-jar", brokerJar.toString(), "-c", confFile.toString()));
            broker.launch("bolide-broker", arguments, " started: ");
        });
    }

    @Override
    public String clientAddress() {
        return "127.0.0.1:" + nameServerPort;
    }
}

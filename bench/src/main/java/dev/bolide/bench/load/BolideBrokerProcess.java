package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar bolide-broker.jar -c broker.conf}: one JVM holding the broker and its name
 * server, and for a SYNC_MASTER a second one, its slave.
 */
public final class BolideBrokerProcess extends BrokerProcess {
    /** {@code consoleListenPort} values: no console, and a console on a port the broker picks. */
    private static final int NO_CONSOLE = -1;
    private static final int ANY_FREE_PORT = 0;
    private final int nameServerPort;
    private final BrokerSecurity security;

    private BolideBrokerProcess(ScratchDirectory directory, int nameServerPort, BrokerSecurity security) {
        super(security == BrokerSecurity.NONE ? "Bolide" : "Bolide " + security.name(), directory);
        this.nameServerPort = nameServerPort;
        this.security = security;
    }

    /** @param metrics whether the broker keeps its meters and serves /metrics (on a free port) */
    public static BolideBrokerProcess start(BrokerSetup setup, Path brokerJar, boolean metrics)
            throws IOException, InterruptedException {
        return start(setup, brokerJar, BrokerSetup.Role.ASYNC_MASTER, metrics);
    }

    /**
     * A master of {@code role} (ASYNC_MASTER or SYNC_MASTER); with SYNC_MASTER also its slave, a
     * JVM of its own (same heap) registering with the master's name server.
     */
    static BolideBrokerProcess start(BrokerSetup setup, Path brokerJar, BrokerSetup.Role role, boolean metrics)
            throws IOException, InterruptedException {
        return start(setup, brokerJar, role, metrics, BrokerSecurity.NONE);
    }

    /** A lone ASYNC_MASTER secured as {@code security} says, without a console. */
    static BolideBrokerProcess start(BrokerSetup setup, Path brokerJar, BrokerSecurity security)
            throws IOException, InterruptedException {
        return start(setup, brokerJar, BrokerSetup.Role.ASYNC_MASTER, NO_CONSOLE, security);
    }

    /** A lone ASYNC_MASTER serving its console and /metrics on {@code consolePort}. */
    static BolideBrokerProcess startWithConsole(BrokerSetup setup, Path brokerJar, int consolePort)
            throws IOException, InterruptedException {
        return start(setup, brokerJar, BrokerSetup.Role.ASYNC_MASTER, consolePort, BrokerSecurity.NONE);
    }

    private static BolideBrokerProcess start(BrokerSetup setup, Path brokerJar, BrokerSetup.Role role,
            boolean metrics, BrokerSecurity security) throws IOException, InterruptedException {
        return start(setup, brokerJar, role, metrics ? ANY_FREE_PORT : NO_CONSOLE, security);
    }

    private static BolideBrokerProcess start(BrokerSetup setup, Path brokerJar, BrokerSetup.Role role,
            int consolePort, BrokerSecurity security) throws IOException, InterruptedException {
        if (!Files.isRegularFile(brokerJar)) {
            throw new IllegalStateException(brokerJar + " is missing: build the broker module first (bench/README.md)");
        }
        // five ports: the VIP port (listenPort - 2), one left alone, listenPort, the HA port
        // (listenPort + 1) and the name server's
        int brokerPort = FreePorts.consecutive(5) + 2;
        return started(new BolideBrokerProcess(ScratchDirectory.create(setup.scratchParent(), "bolide-"),
                brokerPort + 2, security), broker -> {
            List<String> conf = new ArrayList<>(List.of("namesrvListenPort = " + broker.nameServerPort,
                    "consoleListenPort = " + consolePort));
            conf.addAll(security.brokerConfLines());
            broker.launchBroker("bolide-broker", setup, brokerJar, broker.directory().path(), brokerPort, role, conf);
            if (role == BrokerSetup.Role.SYNC_MASTER) {
                // four ports: VIP, one left alone, listenPort, and the HA port a slave does not open
                int slavePort = FreePorts.consecutive(4) + 2;
                broker.launchBroker("bolide-slave", setup, brokerJar, broker.directory().resolve("slave"),
                        slavePort, BrokerSetup.Role.SLAVE, List.of("namesrvListenPort = -1",
                                "namesrvAddr = " + broker.clientAddress(), "consoleListenPort = -1"));
            }
        });
    }

    private void launchBroker(String childName, BrokerSetup setup, Path brokerJar, Path home, int listenPort,
            BrokerSetup.Role role, List<String> moreConf) throws IOException, InterruptedException {
        List<String> conf = new ArrayList<>(setup.brokerConfLines(listenPort, home, role));
        conf.addAll(moreConf);
        Path confFile = Files.write(Files.createDirectories(home).resolve("broker.conf"), conf);
        List<String> arguments = new ArrayList<>(setup.jvmOptions(home));
        arguments.addAll(List.of("-jar", brokerJar.toString(), "-c", confFile.toString()));
        launch(childName, arguments, " started: ");
    }

    @Override
    BrokerSecurity security() {
        return security;
    }

    @Override
    public String clientAddress() {
        return "127.0.0.1:" + nameServerPort;
    }
}

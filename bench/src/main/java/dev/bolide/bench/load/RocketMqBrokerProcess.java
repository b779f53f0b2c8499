package dev.bolide.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache RocketMQ's name server and broker, two JVMs on the jars Maven Central publishes (see
 * {@link RocketMqEdition}), started as the distribution's {@code mqnamesrv} and {@code mqbroker}
 * scripts start them, but with the harness's JVM options. The name server is not on the data path,
 * so it gets a small heap of its own.
 */
final class RocketMqBrokerProcess extends BrokerProcess {
    private static final String NAME_SERVER_HEAP = "256m";

    private final RocketMqEdition edition;
    private final Path lib;
    private final Path home;
    private final int nameServerPort;

    private RocketMqBrokerProcess(ScratchDirectory directory, RocketMqEdition edition, int nameServerPort) {
        super(edition.name(), directory);
        this.edition = edition;
        this.lib = edition.lib().toAbsolutePath();
        this.home = directory.resolve("rocketmq-home");
        this.nameServerPort = nameServerPort;
    }

    static RocketMqBrokerProcess start(BrokerSetup setup, RocketMqEdition edition)
            throws IOException, InterruptedException {
        return start(setup, edition, BrokerSetup.Role.ASYNC_MASTER);
    }

    /**
     * A master of {@code role} (ASYNC_MASTER or SYNC_MASTER); with SYNC_MASTER also its slave, a
     * broker JVM of its own (same heap, its own store and logs) registering with the same name server.
     */
    static RocketMqBrokerProcess start(BrokerSetup setup, RocketMqEdition edition, BrokerSetup.Role role)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(edition.brokerJar())) {
            throw new IllegalStateException(edition.lib() + " holds no RocketMQ " + edition.version() + " broker:"
                    + " build bench/rocketmq-dist and bench/rocketmq5-dist first (bench/README.md)");
        }
        // five ports: the name server's, then the broker's VIP port (listenPort - 2), one it leaves
        // alone, listenPort and the HA port (listenPort + 1)
        int first = FreePorts.consecutive(5);
        int listenPort = first + 3;
        return started(new RocketMqBrokerProcess(ScratchDirectory.create(setup.scratchParent(), "rocketmq-"),
                edition, first), broker -> {
            broker.writeLoggingConfiguration();
            broker.startNameServer();
            broker.startBroker("rocketmq-broker", setup, broker.directory().path(), listenPort, role);
            if (role == BrokerSetup.Role.SYNC_MASTER) {
                // four ports: VIP (listenPort - 2), one left alone, listenPort, HA (listenPort + 1)
                broker.startBroker("rocketmq-slave", setup, broker.directory().resolve("slave"),
                        FreePorts.consecutive(4) + 2, BrokerSetup.Role.SLAVE);
            }
        });
    }

    /**
     * Both programs require a ROCKETMQ_HOME and read their logback configuration from its
     * {@code conf/}, which the Maven Central jars do not ship: a home with only that in it.
     */
    private void writeLoggingConfiguration() throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        String template;
        try (InputStream in = RocketMqBrokerProcess.class.getResourceAsStream("rocketmq-logback.xml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String program : List.of("namesrv", "broker")) {
            // a log file each: two processes appending to one would interleave
            Files.writeString(conf.resolve("logback_" + program + ".xml"), template.replace("@PROGRAM@", program));
        }
    }

    private void startNameServer() throws IOException, InterruptedException {
        Path conf = Files.write(directory().resolve("namesrv.conf"), List.of("listenPort = " + nameServerPort));
        List<String> arguments = new ArrayList<>(List.of("-Xms" + NAME_SERVER_HEAP, "-Xmx" + NAME_SERVER_HEAP,
                "-XX:+UseG1GC", "-Duser.home=" + directory().path()));
        arguments.addAll(mainClass("org.apache.rocketmq.namesrv.NamesrvStartup"));
        arguments.addAll(List.of("-c", conf.toString()));
        launch("rocketmq-namesrv", arguments, "The Name Server boot success");
    }

    /** @param home the broker's store, and its {@code user.home}, under which it logs */
    private void startBroker(String childName, BrokerSetup setup, Path home, int listenPort, BrokerSetup.Role role)
            throws IOException, InterruptedException {
        List<String> confLines = new ArrayList<>(setup.brokerConfLines(listenPort, home, role));
        confLines.addAll(edition.confLines());
        Path conf = Files.write(Files.createDirectories(home).resolve("broker.conf"), confLines);
        List<String> arguments = new ArrayList<>(setup.jvmOptions(home));
        arguments.addAll(edition.jvmOptions());
        arguments.addAll(mainClass("org.apache.rocketmq.broker.BrokerStartup"));
        arguments.addAll(List.of("-c", conf.toString(), "-n", clientAddress()));
        launch(childName, arguments, "boot success");
    }

    private List<String> mainClass(String className) {
        return List.of("-Drocketmq.home.dir=" + home, "-cp", lib + "/*", className);
    }

    @Override
    public String clientAddress() {
        return "127.0.0.1:" + nameServerPort;
    }
}

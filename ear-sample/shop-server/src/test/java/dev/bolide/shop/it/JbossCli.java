package dev.bolide.shop.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** WildFly's {@code jboss-cli} of the build's server (profile wildfly), connected to the shop's server. */
public final class JbossCli {
    /** jboss-cli gives up connecting after 5 s by default, which a loaded machine may take. */
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(60);

    private final Path executable;
    private final int managementPort;

    private JbossCli(Path executable, int managementPort) {
        this.executable = executable;
        this.managementPort = managementPort;
    }

    public static JbossCli fromBuild() {
        String wildfly = System.getProperty("shop.wildfly", "target/wildfly");
        return new JbossCli(Path.of(wildfly, "bin", "jboss-cli.sh"), Integer.getInteger("shop.wildflyManagementPort", 9990));
    }

    /**
     * Runs commands or operations, in order, in one client (each client is a JVM that takes seconds to
     * start) and returns what they printed; a failed one fails with the output.
     */
    public String run(String... commands) {
        return AdminCommand.run(line(commands));
    }

    /** Runs commands that may fail (the first that fails ends the client). */
    AdminCommand.Outcome attempt(String... commands) {
        return AdminCommand.attempt(line(commands));
    }

    private List<String> line(String... commands) {
        return List.of(executable.toString(), "--connect", "--controller=localhost:" + managementPort,
                "--timeout=" + CONNECT_PATIENCE.toMillis(), "--commands=" + String.join(",", commands));
    }
}

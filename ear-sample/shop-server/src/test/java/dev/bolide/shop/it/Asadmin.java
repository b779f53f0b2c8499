package dev.bolide.shop.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Payara's {@code asadmin} of the build's server, talking to the test domain. */
public final class Asadmin {

    private final Path executable;
    private final int adminPort;

    private Asadmin(Path executable, int adminPort) {
        this.executable = executable;
        this.adminPort = adminPort;
    }

    public static Asadmin fromBuild() {
        String payara = System.getProperty("shop.payara", "target/payara6");
        return new Asadmin(Path.of(payara, "bin", "asadmin"), PayaraPorts.fromBuild().admin());
    }

    /** Runs a remote command and returns what it printed; a failed command fails with its output. */
    public String run(String... command) {
        return AdminCommand.run(line(command));
    }

    /**
     * Starts {@code domain} (a local command: asadmin starts the server and waits until it answers);
     * the applications it had deployed are started with it.
     */
    public void startDomain(ShopDomain domain) {
        AdminCommand.run(List.of(executable.toString(), "start-domain", "--domaindir",
                domain.directory().getParent().toString(), domain.directory().getFileName().toString()));
    }

    /** Runs a remote command that may fail. */
    AdminCommand.Outcome attempt(String... command) {
        return AdminCommand.attempt(line(command));
    }

    private List<String> line(String... command) {
        List<String> line = new ArrayList<>(List.of(executable.toString(), "--host", "localhost",
                "--port", String.valueOf(adminPort)));
        line.addAll(List.of(command));
        return line;
    }
}

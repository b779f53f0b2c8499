package dev.bolide.shop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test domain's directory, as {@code bin/bolide-shop} made it: the build passes it
 * ({@code shop.domain}); a test started by hand uses the default domain {@code shop}.
 */
public record ShopDomain(Path directory) {
    /** The account {@code bin/bolide-shop} writes into the domain's ACL file. */
    public static final String BROKER_USER = "bolide-shop";
    private static final Pattern SECRET_KEY = Pattern.compile("secretKey:\\s*(\\S+)");

    public static ShopDomain fromBuild() {
        return new ShopDomain(Path.of(System.getProperty("shop.domain", "target/domains/shop")));
    }

    /** The embedded broker's {@code plain_acl.yml}, which the adapter's {@code aclConfigFile} names. */
    public Path aclFile() {
        return directory.resolve("config/bolide/plain_acl.yml");
    }

    /** Payara's {@code server.log}, where a deployment's failure is told in full. */
    public Path serverLog() {
        return directory.resolve("logs/server.log");
    }

    /** Kills the domain's server with SIGKILL (the pid its {@code config/pid} names), see {@link ServerPid#kill}. */
    public void kill() {
        new ServerPid(directory.resolve("config/pid")).kill();
    }

    /** The secret key of {@link #BROKER_USER}: only the domain holds it. */
    public String brokerSecretKey() {
        try {
            Matcher secret = SECRET_KEY.matcher(Files.readString(aclFile()));
            if (!secret.find()) {
                throw new AssertionError("no secretKey in " + aclFile());
            }
            return secret.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.bolide.bench.load;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the harness finds what the build made, found from where its own classes are
 * ({@code bench/target/load-harness.jar} or {@code bench/target/classes}), so that it runs from
 * any working directory.
 *
 * @param benchTarget {@code bench/target}
 */
public record BenchLayout(Path benchTarget) {

    public static BenchLayout ofThisBuild() {
        try {
            Path code = Path.of(LoadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new BenchLayout(code.toAbsolutePath().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the harness's classes are", e);
        }
    }

    public Path bolideBrokerJar() {
        return benchModule().getParent().resolve("broker/target/bolide-broker.jar");
    }

    Path rocketMqLib() {
        return benchModule().resolve("rocketmq-dist/target/rocketmq-" + RocketMqEdition.VERSION_4 + "/lib");
    }

    Path rocketMq5Lib() {
        return benchModule().resolve("rocketmq5-dist/target/rocketmq-" + RocketMqEdition.VERSION_5 + "/lib");
    }

    private Path benchModule() {
        return benchTarget.getParent();
    }

    /** Under {@code target}, on the disk of the build, not in a system temp directory that may be in memory. */
    public Path scratchParent() {
        return benchTarget.resolve("load-data");
    }

    Path results() {
        return benchTarget.resolve("load-results.txt");
    }

    /** Where the JMS harness writes its table. */
    public Path jmsResults() {
        return benchTarget.resolve("jms-results.txt");
    }
}

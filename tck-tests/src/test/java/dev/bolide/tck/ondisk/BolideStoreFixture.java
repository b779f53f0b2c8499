package dev.bolide.tck.ondisk;

import dev.bolide.tck.rocketmq.BrokerProcess;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The store this version of Bolide writes, checked in under {@code tck-tests/src/test/ondisk/}
 * (read from the source tree, not the class path, where a file left by an earlier build would stay):
 * the {@link SampleWorkload} with small bodies, files and index, so that the whole fixture stays
 * near 100 KB. Made by {@link RemakeBolideStoreFixture}, opened by {@link BolideStoreFixtureTest}.
 */
final class BolideStoreFixture {
    /** The version that wrote the fixture: a later format keeps this one and adds a directory. */
    static final String VERSION = "bolide-0.1.0";
    static final SampleWorkload WORKLOAD = new SampleWorkload(40, 300);
    /**
     * The {@code broker.conf} lines the fixture is written and opened with: none of these sizes is
     * recorded in the store. Bolide wants a segment to hold the largest record (about 33 KB of
     * headroom over {@code maxMessageSize}, which also bounds a batch's bodies), so 40 KiB segments.
     * The timer's wheel file has a slot per {@code timerPrecisionMs} of {@code timerMaxDelaySec}:
     * 20 MB by default, 488 bytes here.
     */
    static final String[] CONF = {"mappedFileSizeCommitLog = 40960", "maxMessageSize = 4096",
        "mappedFileSizeConsumeQueue = 640", "maxHashSlotNum = 64", "maxIndexNum = 512", "timerMaxDelaySec = 60",
        "timerPrecisionMs = 1000"};
    static final String MANIFEST = "manifest.txt";
    static final String METADATA = "metadata.json";

    private BolideStoreFixture() {
    }

    /** {@code tck-tests/src/test/ondisk/<version>} in the source tree the build runs in. */
    static Path directory() {
        return Path.of(System.getProperty("bolide.repository"), "tck-tests", "src", "test", "ondisk", VERSION);
    }

    /** What Bolide's broker jar wrote into a store: the sample, then its metadata, then a clean stop. */
    record Written(List<SentMessage> sent, BrokerMetadata metadata) {
    }

    /**
     * Starts this build's broker jar on {@code store} with {@link #CONF}, writes the sample, records
     * what the broker answers about its metadata and stops it cleanly.
     *
     * @param directory where the broker's {@code broker.conf}, output and logs go
     */
    static Written write(Path directory, Path store) throws Exception {
        try (BrokerProcess bolide = BrokerProcess.startOnStore(directory, store, FreePorts.freeBrokerPort(), CONF)) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(bolide.nameServerAddress());
            admin.setInstanceName("written-" + System.nanoTime());
            admin.start();
            try {
                String address = "127.0.0.1:" + bolide.brokerPort();
                List<SentMessage> sent = WORKLOAD.writeTo(bolide.nameServerAddress(), address, admin);
                return new Written(sent, BrokerMetadata.of(admin, address, SampleWorkload.GROUPS));
            } finally {
                admin.shutdown();
            }
        }
    }

    static void writeManifest(Path fixture, List<SentMessage> sent) throws IOException {
        Files.write(fixture.resolve(MANIFEST), sent.stream().map(SentMessage::toLine).toList(), StandardCharsets.UTF_8);
    }

    static List<SentMessage> readManifest(Path fixture) throws IOException {
        return Files.readAllLines(fixture.resolve(MANIFEST), StandardCharsets.UTF_8).stream()
                .map(line -> SentMessage.parse(line, WORKLOAD.bodyBytes())).toList();
    }

    static void writeMetadata(Path fixture, BrokerMetadata metadata) throws IOException {
        Files.writeString(fixture.resolve(METADATA), metadata.toJson(), StandardCharsets.UTF_8);
    }

    static BrokerMetadata readMetadata(Path fixture) throws IOException {
        return BrokerMetadata.fromJson(Files.readString(fixture.resolve(METADATA), StandardCharsets.UTF_8));
    }

    /**
     * Copies a store without its {@code lock} file, which only a running store has (and which a
     * fresh clone must not need).
     */
    static void copyStore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("lock")).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

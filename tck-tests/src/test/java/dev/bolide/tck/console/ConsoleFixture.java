package dev.bolide.tck.console;

import dev.bolide.tck.rocketmq.BrokerProcess;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a console test class runs against, registered as a static extension: the launched broker
 * serving its console, a started rocketmq-client 4.9.8 producer, headless Chromium and plain HTTP
 * requests; started before the class's own {@code @BeforeAll}, closed last first after its tests,
 * with the directory they used.
 */
final class ConsoleFixture implements BeforeAllCallback, AfterAllCallback {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final String[] extraLines;
    private Path dir;
    BrokerProcess broker;
    DefaultMQProducer producer;
    Chromium chromium;
    ConsoleHttp http;
    /** The console's address, {@code http://127.0.0.1:<port>}. */
    String console;

    /** @param extraLines further {@code broker.conf} lines */
    ConsoleFixture(String... extraLines) {
        this.extraLines = extraLines;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory(context.getRequiredTestClass().getSimpleName());
        int consolePort = FreePorts.freePort();
        console = "http://127.0.0.1:" + consolePort;
        http = new ConsoleHttp(consolePort);
        String[] lines = new String[extraLines.length + 1];
        lines[0] = "consoleListenPort = " + consolePort;
        System.arraycopy(extraLines, 0, lines, 1, extraLines.length);
        broker = BrokerProcess.start(dir, lines);
        started.push(broker);
        producer = broker.startProducer(ConsoleFixture::patient);
        started.push(producer::shutdown);
        chromium = new Chromium(dir.resolve("chromium-profile"));
        started.push(chromium);
    }

    /**
     * A producer that waits for a send as long as a loaded machine needs: the client's 3 s default
     * is too short for a first send (route lookup, topic creation) under a load average of 30.
     */
    static void patient(DefaultMQProducer producer) {
        producer.setSendMsgTimeout(30_000);
    }

    /** Closes {@code resource} with the rest, before what was started earlier. */
    void closeLater(AutoCloseable resource) {
        started.push(resource);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
        if (dir != null) {
            delete(dir);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

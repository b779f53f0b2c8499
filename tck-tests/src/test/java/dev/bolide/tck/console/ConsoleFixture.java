package dev.bolide.tck.console;

import dev.bolide.tck.rocketmq.BrokerProcess;
import dev.bolide.testsupport.FreePorts;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * What a console test class runs against: the launched broker serving its console, a started
 * rocketmq-client 4.9.8 producer, headless Chromium and plain HTTP requests; closed last first.
 */
final class ConsoleFixture implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    final BrokerProcess broker;
    final DefaultMQProducer producer;
    final Chromium chromium;
    final ConsoleHttp http;
    /** The console's address, {@code http://127.0.0.1:<port>}. */
    final String console;

    /** @param extraLines further {@code broker.conf} lines */
    ConsoleFixture(Path dir, String... extraLines) throws Exception {
        int consolePort = FreePorts.freePort();
        console = "http://127.0.0.1:" + consolePort;
        http = new ConsoleHttp(consolePort);
        String[] lines = new String[extraLines.length + 1];
        lines[0] = "consoleListenPort = " + consolePort;
        System.arraycopy(extraLines, 0, lines, 1, extraLines.length);
        broker = BrokerProcess.start(dir, lines);
        started.push(broker);
        producer = broker.startProducer();
        started.push(producer::shutdown);
        chromium = new Chromium(dir.resolve("chromium-profile"));
        started.push(chromium);
    }

    /** Closes {@code resource} with the rest, before what was started earlier. */
    void closeLater(AutoCloseable resource) {
        started.push(resource);
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}

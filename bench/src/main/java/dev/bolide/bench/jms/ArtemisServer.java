package dev.bolide.bench.jms;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * Main class of the Artemis child JVM: an embedded broker with a persistent NIO journal (portable:
 * ASYNCIO needs libaio), every persistent send and every commit synced to disk before it is
 * answered, a TCP acceptor on loopback and no security. Arguments: the data directory, the port and
 * the journal's buffer timeout in nanoseconds, or {@code default} for Artemis's own.
 * It runs until SIGTERM, which stops the server through a shutdown hook.
 */
public final class ArtemisServer {
    static final String READY = "Artemis embedded broker serving";
    /** The third argument that keeps Artemis's own journal buffer timeout. */
    static final String DEFAULT_TIMEOUT = "default";

    private ArtemisServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ArtemisServer DATA_DIRECTORY PORT default|BUFFER_TIMEOUT_NANOS");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Configuration configuration = configuration(data, Integer.parseInt(args[1]));
        if (!args[2].equals(DEFAULT_TIMEOUT)) {
            configuration.setJournalBufferTimeout_NIO(Integer.parseInt(args[2]));
        }
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "artemis-stop"));
        System.out.println(READY + " on port " + args[1]);
    }

    private static Configuration configuration(Path data, int port) throws Exception {
        return new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalSyncNonTransactional(true)
                .setJournalSyncTransactional(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
    }

    private static void stop(EmbeddedActiveMQ server) {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("Artemis did not stop cleanly: " + e);
        }
    }
}

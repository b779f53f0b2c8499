package dev.bolide.broker.launcher;

import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar bolide-broker.jar -c broker.conf}: opens the store the file describes (recovering
 * it if the last run crashed) and keeps it open until SIGTERM, when it shuts down cleanly: appends
 * stop, the CommitLog is flushed, queues and index are checkpointed, the abort marker is removed.
 *
 * <p>This build has the storage engine only; the remoting server (name server and broker ports)
 * comes with the broker core, on top of this launcher.
 */
public final class BrokerLauncher {
    private static final System.Logger LOG = System.getLogger(BrokerLauncher.class.getName());

    private BrokerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("-c")) {
            System.err.println("usage: bolide-broker -c <broker.conf>");
            System.exit(2);
            return;
        }
        Path configFile = Path.of(args[1]);
        BrokerConfigFile config = BrokerConfigFile.load(configFile);
        for (String key : config.unusedKeys()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: key ''{1}'' is not used by this build of Bolide", configFile, key);
        }
        MessageStore store = MessageStore.open(config.storeConfig());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(store, stopped), "bolide-shutdown"));
        System.out.printf("Bolide store open in %s (%s, CommitLog offsets %d..%d); SIGTERM stops it cleanly%n",
                config.storeConfig().storePathRootDir(), config.storeConfig().flushDiskType(),
                store.commitLogMinOffset(), store.commitLogMaxOffset());
        stopped.await();
    }

    private static void shutdown(MessageStore store, CountDownLatch stopped) {
        try {
            store.close();
            System.out.println("Bolide store closed cleanly");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stopped.countDown();
        }
    }
}

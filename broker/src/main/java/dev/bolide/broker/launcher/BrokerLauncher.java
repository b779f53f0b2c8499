package dev.bolide.broker.launcher;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.admin.BrokerConfigUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar bolide-broker.jar -c broker.conf} ({@code bin/mqbroker}, with RocketMQ's options:
 * see {@link LaunchOptions}): starts the broker the file describes (its
 * store recovered if the last run crashed, the broker port and the embedded name server) and runs
 * until SIGTERM, when it shuts down cleanly: the broker unregisters from its name servers, serving
 * stops, consumer offsets are persisted, the CommitLog is flushed, queues and index are
 * checkpointed, the abort marker is removed.
 *
 * <p>Name servers: without {@code namesrvAddr} the broker is its own name server (embedded, on
 * {@code namesrvListenPort}, default 9876, where it registers in-process). With
 * {@code namesrvAddr = host:port;host:port} it registers over the network with exactly those
 * (list its own embedded name server there too if it should be one of them), every
 * {@code registerNameServerPeriod} ms; the embedded name server still runs, for other brokers and
 * clients, unless {@code namesrvListenPort = -1}.
 */
public final class BrokerLauncher {
    private BrokerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        StartFailure.startOrExit("mqbroker", BrokerLauncher.class, () -> start(args)).await();
    }

    /** @return counted down once the broker is closed (at once when the options only print settings) */
    private static CountDownLatch start(String... args) throws Exception {
        LaunchOptions options = LaunchOptions.parseOrExit("mqbroker", LaunchOptions.Server.BROKER, args);
        BrokerConfigFile config = BrokerConfigFile.from(options.properties());
        if (options.printing() != LaunchOptions.Printing.NONE) {
            ConfigListing.print(config.brokerSettings().asProperties(), options.printing(), System.out);
            return new CountDownLatch(0);
        }
        // made only now: the first logger opens the log files, which -p and -m must not create
        System.Logger log = System.getLogger(BrokerLauncher.class.getName());
        String source = options.configFile().map(Path::toString).orElse("the command line");
        for (String key : config.unusedKeys()) {
            log.log(System.Logger.Level.WARNING, "{0}: key ''{1}'' is not used: {2}", source, key,
                    BrokerConfigFile.whyUnused(key));
        }
        BolideBroker broker = BolideBroker.start(config.brokerSettings(), options.configFile()
                .<BrokerConfigUpdate>map(ConfigFileUpdate::new).orElse(BrokerConfigUpdate.NOT_FROM_A_FILE));
        CountDownLatch closed = UntilSigterm.closeAtSigterm(broker, log, "Bolide broker closed cleanly");
        log.log(System.Logger.Level.INFO, String.format("Bolide broker %s started: %s, broker %s:%d, TLS %s, %s, "
                + "store open in %s (%s); SIGTERM stops it cleanly", config.brokerSettings().brokerName(),
                nameServers(config, broker), config.brokerSettings().brokerIP1(), broker.port(),
                broker.tlsMode().rocketMqName(), console(config, broker), config.storeConfig().storePathRootDir(),
                config.storeConfig().flushDiskType()));
        return closed;
    }

    private static String console(BrokerConfigFile config, BolideBroker broker) {
        return broker.consolePort() == BrokerSettings.NO_CONSOLE ? "no console"
                : "console http://" + config.brokerSettings().consoleAddress() + ":" + broker.consolePort() + "/";
    }

    private static String nameServers(BrokerConfigFile config, BolideBroker broker) {
        String embedded = broker.nameServerPort() == BrokerSettings.NO_EMBEDDED_NAME_SERVER ? "no embedded name server"
                : "name server 127.0.0.1:" + broker.nameServerPort();
        List<String> remote = config.brokerSettings().namesrvAddr();
        return remote.isEmpty() ? embedded : embedded + ", registered with " + String.join(";", remote);
    }
}

package dev.bolide.broker.launcher;

import dev.bolide.broker.namesrv.NameServer;
import dev.bolide.broker.namesrv.RouteTable;
import dev.bolide.remoting.ServerTls;
import dev.bolide.remoting.TlsProperties;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * {@code bin/mqnamesrv [-c namesrv.conf]}: a name server alone, as RocketMQ's NamesrvStartup runs
 * it, for brokers started with {@code mqbroker -n}: the embedded name server's routes and
 * registration on {@code listenPort} (default 9876), no store, no broker. Runs until SIGTERM.
 * It logs to namesrv.log (Logback's {@code logback-namesrv.xml}) unless
 * {@code -Dlogback.configurationFile} names another configuration.
 */
public final class NamesrvLauncher {
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";
    private static final int REQUEST_THREADS = 2;

    private NamesrvLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        // before the first logger is made, which configures Logback once for the whole process
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-namesrv.xml");
        }
        StartFailure.startOrExit("mqnamesrv", NamesrvLauncher.class, () -> start(args)).await();
    }

    /** @return counted down once the name server is closed (at once when the options only print settings) */
    private static CountDownLatch start(String... args) throws Exception {
        LaunchOptions options = LaunchOptions.parseOrExit("mqnamesrv", LaunchOptions.Server.NAME_SERVER, args);
        NamesrvConfigFile config = NamesrvConfigFile.from(options.properties());
        if (options.printing() != LaunchOptions.Printing.NONE) {
            ConfigListing.print(config.asProperties(), options.printing(), System.out);
            return new CountDownLatch(0);
        }
        // made only now: the first logger opens the log files, which -p must not create
        System.Logger log = System.getLogger(NamesrvLauncher.class.getName());
        for (String key : config.unusedKeys()) {
            log.log(System.Logger.Level.WARNING, "namesrv.conf: key ''{0}'' is not used by Bolide''s name server", key);
        }
        ExecutorService requests = Executors.newFixedThreadPool(REQUEST_THREADS, daemon("bolide-namesrv"));
        ScheduledExecutorService scan = Executors.newSingleThreadScheduledExecutor(daemon("bolide-namesrv-scan"));
        // RocketMQ's name server reads TLS from -D system properties and tls.config.file only
        ServerTls tls = TlsProperties.fromSystemProperties().server().load();
        NameServer nameServer = NameServer.start(new InetSocketAddress(config.listenPort()),
                new RouteTable(Clock.systemUTC()), requests, scan, tls);
        CountDownLatch closed = UntilSigterm.closeAtSigterm(() -> {
            nameServer.close();
            requests.shutdownNow();
            scan.shutdownNow();
        }, log, "Bolide name server closed cleanly");
        log.log(System.Logger.Level.INFO, "Bolide name server started on port {0,number,#}; SIGTERM stops it cleanly",
                nameServer.port());
        return closed;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

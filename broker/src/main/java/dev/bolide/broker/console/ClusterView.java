package dev.bolide.broker.console;

import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The Cluster page: the broker's name and cluster, its version, uptime, the use of the disk its
 * CommitLog is on, the put and get rates of the last ten seconds, and the CommitLog's extent.
 */
public final class ClusterView implements View {
    /** The protocol version Bolide speaks, as mqadmin reports it. */
    private static final String PROTOCOL_VERSION = "V4_9_8";
    private static final int RATE_SECONDS = 10;

    private final String cluster;
    private final String brokerName;
    private final MessageStore store;
    private final BrokerStats stats;
    private final Path commitLogDir;

    public ClusterView(String cluster, String brokerName, MessageStore store, BrokerStats stats, Path commitLogDir) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.store = store;
        this.stats = stats;
        this.commitLogDir = commitLogDir;
    }

    @Override
    public String title() {
        return "Cluster";
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("Broker " + brokerName, List.of("cluster", "broker", "version", "uptime",
                "disk use", "put TPS", "get TPS", "CommitLog min offset", "CommitLog max offset"),
                List.of(List.of(Cell.fixed(cluster), Cell.fixed(brokerName), Cell.fixed(version()),
                        Cell.live("uptime", uptime()), Cell.live("diskUse", diskUse()),
                        Cell.live("putTps", rate(stats.puts().perSecond(RATE_SECONDS))),
                        Cell.live("getTps", rate(stats.gets().perSecond(RATE_SECONDS))),
                        Cell.live("commitLogMinOffset", store.commitLogMinOffset()),
                        Cell.live("commitLogMaxOffset", store.commitLogMaxOffset())))));
    }

    private static String version() {
        String bolide = ClusterView.class.getPackage().getImplementationVersion();
        return "Bolide " + (bolide == null ? "(development build)" : bolide) + ", RocketMQ " + PROTOCOL_VERSION;
    }

    private String uptime() {
        Duration up = Duration.ofMillis(System.currentTimeMillis() - stats.startedMillis());
        return String.format(Locale.ROOT, "%dd %02dh %02dm %02ds", up.toDays(), up.toHoursPart(), up.toMinutesPart(),
                up.toSecondsPart());
    }

    private String diskUse() {
        try {
            FileStore disk = Files.getFileStore(commitLogDir);
            double used = 1 - (double) disk.getUsableSpace() / disk.getTotalSpace();
            return String.format(Locale.ROOT, "%.1f %%", used * 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}

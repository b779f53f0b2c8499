package dev.bolide.broker.ha;

import dev.bolide.broker.config.BrokerRole;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A broker's part in replication, by its role: a master (ASYNC_MASTER or SYNC_MASTER) serves
 * slaves on {@code haListenPort}, and a SYNC_MASTER's sends wait for them; a SLAVE copies its
 * master's CommitLog.
 */
public final class Replication implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Replication.class.getName());

    private final BrokerRole role;
    private final HaSettings settings;
    private final MessageStore store;
    private final Supplier<String> masterAddress;
    private final SlaveAcknowledgements acknowledgements;
    private final NewBytes newBytes = new NewBytes();
    private volatile HaServer server;
    private volatile HaClient client;

    /**
     * Replication for a broker of {@code role}, not started yet: its sends may already be wired.
     *
     * @param masterAddress a slave's master HA address as learned from the name server, null while unknown;
     *                      {@code haMasterAddress} overrides it
     */
    public Replication(BrokerRole role, HaSettings settings, MessageStore store, Supplier<String> masterAddress) {
        this.role = role;
        this.settings = settings;
        this.store = store;
        this.masterAddress = settings.masterAddress() != null ? settings::masterAddress : masterAddress;
        this.acknowledgements = new SlaveAcknowledgements(settings.slaveFallbehindMax(), settings.slaveTimeout());
    }

    /**
     * A master starts listening on {@code haListenPort}, a slave starts replicating from its master.
     *
     * @throws IOException when a master cannot listen on its HA port
     */
    public void start() throws IOException {
        if (role == BrokerRole.SLAVE) {
            // all a slave appends comes through its HA connection, which dispatches it after each
            // report: the dispatcher's own thread need not wake every millisecond to look
            store.dispatchedByOthersWhile(() -> true);
            client = new HaClient(store.replication(), settings, masterAddress);
            client.start();
            return;
        }
        if (settings.masterAddress() != null) {
            LOG.log(System.Logger.Level.WARNING, "haMasterAddress = {0} is ignored: brokerRole = {1} is a master, "
                    + "which replicates from no one", settings.masterAddress(), role);
        }
        HaServer started = HaServer.start(store.replication(), settings, newBytes, acknowledgements,
                role == BrokerRole.SYNC_MASTER);
        server = started;
        store.addAppendListener((message, where) -> started.appended());
        if (role == BrokerRole.SYNC_MASTER) {
            // each append woke the dispatcher's thread: as many context switches as sends on the
            // master, where the slaves' reports come once per group of sends
            store.dispatchedByOthersWhile(() -> acknowledgements.connectedSlaves() > 0);
        }
    }

    /** What this broker's writes wait for before they are answered: the disk, and a slave on a SYNC_MASTER. */
    public Writes writes() {
        return new Writes(store, role == BrokerRole.SYNC_MASTER ? acknowledgements : SyncReplication.NOT_WAITING);
    }

    /** The HA port a master listens on; -1 on a slave. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** How many slaves a master has connected now; 0 on a slave. */
    public int connectedSlaves() {
        return acknowledgements.connectedSlaves();
    }

    /**
     * How many CommitLog bytes each connected slave lacks, by its address ({@code ip:port} of its HA
     * connection): the master's end less the slave's last report. Empty on a slave.
     */
    public Map<String, Long> slaveLagBytes() {
        if (server == null) {
            return Map.of();
        }
        long end = store.commitLogMaxOffset();
        Map<String, Long> lag = new TreeMap<>();
        server.slaveOffsets().forEach((slave, offset) -> lag.put(slave, Math.max(0, end - offset)));
        return lag;
    }

    /** The master's HA address a slave replicates from, empty while unknown and on a master. */
    public Optional<String> masterAddress() {
        return role == BrokerRole.SLAVE ? Optional.ofNullable(masterAddress.get()) : Optional.empty();
    }

    /** CommitLog bytes streamed to slaves (a master) or received from the master (a slave) since start. */
    public long bytesReplicated() {
        return server != null ? server.bytesSent() : client != null ? client.bytesReceived() : 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
    }
}

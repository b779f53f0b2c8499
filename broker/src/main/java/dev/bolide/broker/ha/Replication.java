package dev.bolide.broker.ha;

import dev.bolide.broker.config.BrokerRole;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A broker's part in replication, by its role: a master (ASYNC_MASTER or SYNC_MASTER) serves
 * slaves on {@code haListenPort}, and a SYNC_MASTER's sends wait for them; a SLAVE copies its
 * master's CommitLog.
 */
public final class Replication implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Replication.class.getName());
    private final SyncReplication sends;
    private final SlaveAcknowledgements acknowledgements;
    private final HaServer server;
    private final HaClient client;

    private Replication(SyncReplication sends, SlaveAcknowledgements acknowledgements, HaServer server,
            HaClient client) {
        this.sends = sends;
        this.acknowledgements = acknowledgements;
        this.server = server;
        this.client = client;
    }

    /**
     * @param syncTimeout   how long a SYNC_MASTER's send waits for a slave ({@code syncFlushTimeout})
     * @param masterAddress a slave's master HA address as learned from the name server, null while unknown;
     *                      {@code haMasterAddress} overrides it
     */
    public static Replication start(BrokerRole role, HaSettings settings, Duration syncTimeout, MessageStore store,
            Supplier<String> masterAddress) throws IOException {
        if (role == BrokerRole.SLAVE) {
            String configured = settings.masterAddress();
            HaClient client = new HaClient(store.replication(), settings,
                    configured != null ? () -> configured : masterAddress);
            client.start();
            return new Replication(SyncReplication.NOT_WAITING, null, null, client);
        }
        if (settings.masterAddress() != null) {
            LOG.log(System.Logger.Level.WARNING, "haMasterAddress = {0} is ignored: brokerRole = {1} is a master, "
                    + "which replicates from no one", settings.masterAddress(), role);
        }
        SlaveAcknowledgements acknowledgements = new SlaveAcknowledgements(settings.slaveFallbehindMax(), syncTimeout);
        NewBytes newBytes = new NewBytes();
        store.addAppendListener((message, where) -> newBytes.arrived());
        HaServer server = HaServer.start(store.replication(), settings, newBytes, acknowledgements);
        return new Replication(role == BrokerRole.SYNC_MASTER ? acknowledgements : SyncReplication.NOT_WAITING,
                acknowledgements, server, null);
    }

    /** What this broker's sends wait for before they are answered. */
    public SyncReplication sends() {
        return sends;
    }

    /** The HA port a master listens on; -1 on a slave. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** How many slaves a master has connected now; 0 on a slave. */
    public int connectedSlaves() {
        return acknowledgements == null ? 0 : acknowledgements.connectedSlaves();
    }

    /** CommitLog bytes streamed to slaves (a master) or received from the master (a slave) since start. */
    public long bytesReplicated() {
        return server != null ? server.bytesSent() : client.bytesReceived();
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

package dev.bolide.broker.ha;

import dev.bolide.store.replication.ReplicatedCommitLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A master's HA port: accepts slaves, each served by its own {@link SlaveLink}. Channels rather
 * than sockets' streams, so that frames go to a slave straight from the mapped CommitLog.
 */
final class HaServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HaServer.class.getName());

    private final ServerSocketChannel serverSocket;
    private final ReplicatedCommitLog commitLog;
    private final HaSettings settings;
    private final NewBytes newBytes;
    private final SlaveAcknowledgements acknowledgements;
    private final boolean syncMaster;
    private final List<SlaveLink> links = new CopyOnWriteArrayList<>();
    private final LongAdder bytesSent = new LongAdder();
    private final Thread acceptor;
    /** Closes connections whose slave went silent (the links read without a socket timeout). */
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    private HaServer(ServerSocketChannel serverSocket, ReplicatedCommitLog commitLog, HaSettings settings, NewBytes newBytes,
            SlaveAcknowledgements acknowledgements, boolean syncMaster) {
        this.serverSocket = serverSocket;
        this.commitLog = commitLog;
        this.settings = settings;
        this.newBytes = newBytes;
        this.acknowledgements = acknowledgements;
        this.syncMaster = syncMaster;
        this.acceptor = new Thread(this::acceptSlaves, "bolide-ha-accept");
        acceptor.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread watching = new Thread(task, "bolide-ha-watchdog");
            watching.setDaemon(true);
            return watching;
        });
    }

    /**
     * @param syncMaster whether this is a SYNC_MASTER, whose sends wait for the slaves: the thread
     *                   that appends sends new bytes to slaves that keep up, rather than only waking
     *                   the streaming threads, and the threads reading the slaves' reports dispatch
     *                   the appends (see {@link dev.bolide.store.MessageStore#dispatchedByOthersWhile})
     */
    static HaServer start(ReplicatedCommitLog commitLog, HaSettings settings, NewBytes newBytes,
            SlaveAcknowledgements acknowledgements, boolean syncMaster) throws IOException {
        ServerSocketChannel serverSocket = ServerSocketChannel.open();
        try {
            serverSocket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            serverSocket.bind(new InetSocketAddress(settings.listenPort()));
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("cannot listen on port " + settings.listenPort() + " (haListenPort): "
                    + e.getMessage(), e);
        }
        HaServer server = new HaServer(serverSocket, commitLog, settings, newBytes, acknowledgements, syncMaster);
        server.acceptor.start();
        long period = Math.max(1, settings.housekeepingInterval().toMillis() / 10);
        server.watchdog.scheduleWithFixedDelay(server::closeSilentLinks, period, period, TimeUnit.MILLISECONDS);
        return server;
    }

    int port() {
        return serverSocket.socket().getLocalPort();
    }

    /** Called after each append: sends the new bytes now, or wakes the threads that stream them. */
    void appended() {
        if (!syncMaster || !pushedToAll()) {
            newBytes.arrived();
        }
    }

    private boolean pushedToAll() {
        boolean all = true;
        for (SlaveLink link : links) {
            all &= link.pushNow();
        }
        return all;
    }

    /** CommitLog bytes sent to slaves since start, heartbeats excluded. */
    long bytesSent() {
        return bytesSent.sum();
    }

    /** The offset each connected slave last reported, by its address; a slave yet to report is left out. */
    Map<String, Long> slaveOffsets() {
        Map<String, Long> offsets = new TreeMap<>();
        for (SlaveLink link : links) {
            if (link.reportedOffset() >= 0) {
                offsets.put(link.address(), link.reportedOffset());
            }
        }
        return offsets;
    }

    private void closeSilentLinks() {
        long now = System.nanoTime();
        for (SlaveLink link : links) {
            link.closeIfSilent(now);
        }
    }

    private void acceptSlaves() {
        while (!closed) {
            try {
                SocketChannel socket = serverSocket.accept();
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                LOG.log(System.Logger.Level.INFO, "slave connected from {0}", socket.getRemoteAddress());
                SlaveLink link = new SlaveLink(socket, commitLog, settings, newBytes, acknowledgements, bytesSent,
                        syncMaster, links::remove);
                links.add(link);
                link.start();
            } catch (ClosedChannelException e) {
                // closed: the loop ends
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot accept a slave on the HA port", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        watchdog.shutdownNow();
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the HA port", e);
        }
        acceptor.join();
        for (SlaveLink link : List.copyOf(links)) {
            link.close();
            link.join();
        }
    }
}

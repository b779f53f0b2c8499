package dev.bolide.broker.ha;

import dev.bolide.store.replication.ReplicatedCommitLog;
import dev.bolide.store.replication.ReplicationException;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A master's connection to one slave: one thread reads the slave's offset reports (closing the
 * connection when none comes for {@code haHousekeepingInterval}), another streams the CommitLog
 * from where the slave's first report says, in frames of at most {@code haTransferBatchSize}
 * bytes, and a heartbeat frame when it has had nothing to send for {@code haSendHeartbeatInterval}.
 * A SYNC_MASTER's appending thread may send new bytes itself ({@link #pushNow}): its sends wait for
 * the slave, and waking the streaming thread first would put one more thread hand-off in each wait.
 * While a frame is in flight, appends leave their bytes to gather, and the slave's report on that
 * frame sends them all in one (one frame per message cost the master 13 % of its CPU in socket
 * writes, and as much again to the slave to read and report them). Frames go from the mapped
 * CommitLog to the socket in one gathering write, with no copy on the heap (copying each frame
 * into an array, a stream's buffer and the JDK's direct buffer cost the sending thread 8.5 %).
 */
final class SlaveLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SlaveLink.class.getName());
    private static final ByteBuffer HEARTBEAT = ByteBuffer.allocateDirect(0).asReadOnlyBuffer();
    /** A frame's header: physical offset and size. */
    private static final int HEADER = Long.BYTES + Integer.BYTES;
    /**
     * The appending thread sends only while the slave has acknowledged all but this many bytes: so
     * little is in flight then that the socket takes the frame at once (a slave's receive buffer
     * starts at 128 KiB), and an appending thread never blocks on a slave that stopped reading; a
     * slave further behind is caught up by the streaming thread.
     */
    private static final long PUSH_WINDOW = 64 * 1024;

    private final SocketChannel channel;
    private final Socket socket;
    private final ReplicatedCommitLog commitLog;
    private final HaSettings settings;
    private final NewBytes newBytes;
    private final SlaveAcknowledgements acknowledgements;
    private final Consumer<SlaveLink> onClosed;
    private final LongAdder bytesSent;
    /** Whether this thread dispatches the master's appends after each read of reports (a SYNC_MASTER's). */
    private final boolean dispatches;
    private final CountDownLatch firstReport = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    private final Thread streamer;
    private volatile long reported = -1;
    /**
     * When the slave last reported (or connected), by {@link System#nanoTime}: a wall-clock jump must
     * not close a link.
     */
    private volatile long lastReportNanos = System.nanoTime();
    /** Set when {@link #closeIfSilent} closed the connection. */
    private volatile boolean silent;
    /** Held by whichever thread writes frames: the streaming thread, or an appending one. */
    private final ReentrantLock sending = new ReentrantLock();
    /** A frame as written: its header, then its bytes. Used under {@link #sending}. */
    private final ByteBuffer[] frame = {ByteBuffer.allocateDirect(HEADER), HEARTBEAT};
    /** Where the next frame starts; -1 until streaming starts. Written under {@link #sending}. */
    private volatile long next = -1;
    /** When the last frame went, by {@link System#nanoTime}. */
    private volatile long lastSentNanos;
    /** Set when an append left its bytes for the report on the frame in flight to send. */
    private volatile boolean gathered;

    SlaveLink(SocketChannel channel, ReplicatedCommitLog commitLog, HaSettings settings, NewBytes newBytes,
            SlaveAcknowledgements acknowledgements, LongAdder bytesSent, boolean dispatches,
            Consumer<SlaveLink> onClosed) {
        this.channel = channel;
        this.socket = channel.socket();
        this.commitLog = commitLog;
        this.settings = settings;
        this.newBytes = newBytes;
        this.acknowledgements = acknowledgements;
        this.bytesSent = bytesSent;
        this.dispatches = dispatches;
        this.onClosed = onClosed;
        String peer = socket.getRemoteSocketAddress().toString();
        this.reader = new Thread(this::readReports, "bolide-ha-acks " + peer);
        this.streamer = new Thread(this::stream, "bolide-ha-push " + peer);
    }

    /** The slave's end of its HA connection, {@code ip:port}. */
    String address() {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /** The CommitLog offset the slave last reported holding; -1 before its first report. */
    long reportedOffset() {
        return reported;
    }

    void start() {
        acknowledgements.slaveConnected();
        reader.setDaemon(true);
        streamer.setDaemon(true);
        reader.start();
        streamer.start();
    }

    /**
     * Reads without a socket timeout, which would put a poll before every read (13 % of this
     * thread): {@link #closeIfSilent} ends a silent connection instead.
     */
    private void readReports() {
        ByteBuffer reports = ByteBuffer.allocateDirect(64 * Long.BYTES);
        try {
            while (!closed.get()) {
                if (channel.read(reports) < 0) {
                    throw new EOFException("the slave closed the connection");
                }
                reports.flip();
                while (reports.remaining() >= Long.BYTES) {
                    reported(reports.getLong());
                }
                reports.compact();
                if (dispatches) {
                    // after the frame the report let go: the slave's copy does not wait for it
                    commitLog.dispatchAppended();
                }
            }
        } catch (IOException e) {
            if (silent) {
                LOG.log(System.Logger.Level.WARNING, "slave {0} silent for {1} ms: closed its connection",
                        socket.getRemoteSocketAddress(), settings.housekeepingInterval().toMillis());
            } else {
                LOG.log(System.Logger.Level.DEBUG, "slave {0} gone: {1}", socket.getRemoteSocketAddress(),
                        e.toString());
            }
        } finally {
            close();
        }
    }

    private void reported(long offset) {
        lastReportNanos = System.nanoTime();
        reported = offset;
        firstReport.countDown();
        acknowledgements.acknowledged(offset);
        if (gathered && offset >= next) {
            gathered = false;
            if (!pushNow()) {
                newBytes.arrived();
            }
        }
    }

    /** Closes the connection when the slave has not reported for {@code haHousekeepingInterval}. */
    void closeIfSilent(long nowNanos) {
        if (nowNanos - lastReportNanos >= settings.housekeepingInterval().toNanos()) {
            silent = true;
            close();
        }
    }

    private void stream() {
        try {
            if (!firstReport.await(settings.housekeepingInterval().toMillis(), TimeUnit.MILLISECONDS)
                    || closed.get()) {
                return;
            }
            long start = commitLog.transferStart(reported);
            LOG.log(System.Logger.Level.INFO, "slave {0} reports offset {1}: streaming from {2}",
                    socket.getRemoteSocketAddress(), reported, start);
            sending.lock();
            try {
                next = start;
                lastSentNanos = System.nanoTime();
            } finally {
                sending.unlock();
            }
            streamNewBytes();
        } catch (ReplicationException e) {
            LOG.log(System.Logger.Level.ERROR, "refusing slave {0}: {1}", socket.getRemoteSocketAddress(),
                    e.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "slave {0} gone: {1}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void streamNewBytes() throws IOException, InterruptedException {
        long heartbeatNanos = settings.heartbeatInterval().toNanos();
        while (!closed.get()) {
            sending.lock();
            try {
                if (!sendAvailable() && System.nanoTime() - lastSentNanos >= heartbeatNanos) {
                    send(next, HEARTBEAT);
                }
            } finally {
                sending.unlock();
            }
            long idle = System.nanoTime() - lastSentNanos;
            newBytes.awaitBeyond(() -> next, commitLog::maxOffset, heartbeatNanos - idle, closed::get);
        }
    }

    /**
     * Sends, from the calling (appending) thread, what the CommitLog holds beyond what the slave was
     * sent, when the slave keeps up and no other thread is sending. False when it leaves the bytes
     * to the streaming thread, which must then be woken; a thread already sending re-checks for new
     * bytes before it waits.
     */
    boolean pushNow() {
        long from = next;
        long end = commitLog.maxOffset();
        if (from >= 0 && end <= from) {
            return true;
        }
        if (inFlight(from)) {
            gathered = true;
            // checked again after the flag is set: a report that came in between saw no flag
            if (inFlight(from)) {
                return true;
            }
        }
        // an interrupt would close the channel under the send: the streaming thread sends instead
        if (from < 0 || from - reported > PUSH_WINDOW || end - from > PUSH_WINDOW
                || Thread.currentThread().isInterrupted() || !sending.tryLock()) {
            return false;
        }
        try {
            sendAvailable();
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "slave {0} gone: {1}", socket.getRemoteSocketAddress(), e.toString());
            close();
            return true;
        } catch (RuntimeException e) {
            // never into the append, whose messages are stored: the streaming thread meets the failure
            // too and ends the connection as for its own
            LOG.log(System.Logger.Level.WARNING, "cannot send to slave " + socket.getRemoteSocketAddress()
                    + " from the appending thread", e);
            return false;
        } finally {
            sending.unlock();
        }
    }

    /** Whether bytes sent up to {@code from} are not all acknowledged yet, and few enough for a report to come soon. */
    private boolean inFlight(long from) {
        long acknowledged = reported;
        return from >= 0 && acknowledged >= 0 && acknowledged < from && from - acknowledged <= PUSH_WINDOW;
    }

    /** Sends every stored byte from {@link #next} on, under {@link #sending}; false when there was none. */
    private boolean sendAvailable() throws IOException {
        boolean sent = false;
        while (commitLog.read(next, settings.transferBatchSize(), chunk -> send(next, chunk)) > 0) {
            sent = true;
        }
        return sent;
    }

    /** Writes one frame, under {@link #sending}; {@code chunk} may be a view of the mapped CommitLog. */
    private void send(long offset, ByteBuffer chunk) throws IOException {
        int size = chunk.remaining();
        ByteBuffer header = frame[0].clear().putLong(offset).putInt(size).flip();
        frame[1] = chunk;
        try {
            while (header.hasRemaining() || chunk.hasRemaining()) {
                channel.write(frame);
            }
        } finally {
            frame[1] = HEARTBEAT; // keeps no view of a segment that may be unmapped
        }
        next = offset + size;
        lastSentNanos = System.nanoTime();
        bytesSent.add(size);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a slave connection", e);
        }
        acknowledgements.slaveDisconnected();
        firstReport.countDown(); // a streamer still waiting for the first report ends now
        newBytes.wakeAll();
        onClosed.accept(this);
    }

    /** Waits for both threads to end, after {@link #close()}. */
    void join() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(10));
        streamer.join(TimeUnit.SECONDS.toMillis(10));
    }
}

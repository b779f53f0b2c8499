package dev.bolide.broker.ha;

import dev.bolide.store.replication.ReplicatedCommitLog;
import dev.bolide.store.replication.ReplicationException;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A slave's connection to its master's HA port: reports the CommitLog's end (at connect, after
 * each batch of frames, and at least every {@code haSendHeartbeatInterval}), appends what the
 * master streams at the master's offsets, and connects again with growing back-off when the
 * connection fails, is refused, or stays silent for {@code haHousekeepingInterval}.
 */
final class HaClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HaClient.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    /** A frame larger than this is not RocketMQ HA (a master sends at most its haTransferBatchSize). */
    private static final int MAX_FRAME = 64 << 20;
    /** A frame's header: physical offset and size. */
    private static final int HEADER = Long.BYTES + Integer.BYTES;
    /** Room for several frames of a master that sends small ones, so that one read takes them all. */
    private static final int MIN_BUFFER = 256 * 1024;

    private final ReplicatedCommitLog commitLog;
    private final HaSettings settings;
    private final Supplier<String> masterAddress;
    private final LongAdder bytesReceived = new LongAdder();
    private final Thread thread;
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;
    private volatile SocketChannel channel;
    /**
     * When the connection last brought bytes (or was opened), by {@link System#nanoTime}: a wall-clock
     * jump must not close it.
     */
    private volatile long lastReceived;
    /** Set when the watchdog closed the connection for silence. */
    private volatile boolean silent;

    /** @param masterAddress the master's HA address now, null while unknown */
    HaClient(ReplicatedCommitLog commitLog, HaSettings settings, Supplier<String> masterAddress) {
        this.commitLog = commitLog;
        this.settings = settings;
        this.masterAddress = masterAddress;
        this.thread = new Thread(this::run, "bolide-ha-client");
        thread.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread watching = new Thread(task, "bolide-ha-client-watchdog");
            watching.setDaemon(true);
            return watching;
        });
    }

    void start() {
        thread.start();
        long period = Math.max(1, settings.housekeepingInterval().toMillis() / 10);
        watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    /** CommitLog bytes received from masters since start, heartbeats excluded. */
    long bytesReceived() {
        return bytesReceived.sum();
    }

    private void run() {
        Duration backOff = FIRST_RETRY;
        while (!closed) {
            String address = masterAddress.get();
            if (address != null && replicateFrom(address)) {
                backOff = FIRST_RETRY;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backOff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            backOff = min(backOff.multipliedBy(2), settings.heartbeatInterval());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Replicates until the connection ends; returns whether anything was received. */
    private boolean replicateFrom(String address) {
        long received = bytesReceived();
        try (SocketChannel connection = SocketChannel.open()) {
            lastReceived = System.nanoTime();
            channel = connection;
            if (closed) {
                return false;
            }
            connection.socket().connect(socketAddress(address), (int) settings.heartbeatInterval().toMillis());
            connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
            LOG.log(System.Logger.Level.INFO, "replicating from master {0}, from offset {1}", address,
                    commitLog.maxOffset());
            receive(connection);
        } catch (ReplicationException e) {
            LOG.log(System.Logger.Level.ERROR, "refusing what master {0} sends: {1}", address, e.getMessage());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot replicate from master {0}: {1}", address, e.getMessage());
        } catch (IOException e) {
            if (silent) {
                LOG.log(System.Logger.Level.WARNING, "master {0} silent for {1} ms: connecting again", address,
                        settings.housekeepingInterval().toMillis());
            } else if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "replication from master {0} ended: {1}", address, e.toString());
            }
        } finally {
            silent = false;
        }
        return bytesReceived() > received;
    }

    /**
     * Reads frames straight into one direct buffer and appends them from there (no copy on the
     * heap, none into a temporary buffer for the file's write), and reports after each read that
     * appended something, as RocketMQ's slave does: the frames one read brings share one report.
     * Then it dispatches them itself while the master answers, rather than waking the
     * dispatcher's thread once per read (on the slave that park and wake cost more than the
     * dispatching).
     * The read blocks without a socket timeout, which would cost a poll before every read; the
     * watchdog ends a silent connection instead.
     */
    private void receive(SocketChannel connection) throws IOException {
        long heartbeatNanos = settings.heartbeatInterval().toNanos();
        ByteBuffer frames = ByteBuffer.allocateDirect(Math.max(MIN_BUFFER, settings.transferBatchSize() + HEADER));
        ByteBuffer report = ByteBuffer.allocateDirect(Long.BYTES);
        long reported = report(connection, report);
        long lastReport = System.nanoTime();
        while (!closed) {
            if (connection.read(frames) < 0) {
                throw new EOFException("the master closed the connection");
            }
            long now = System.nanoTime();
            lastReceived = now;
            frames = appendWholeFrames(frames.flip());
            boolean appended = commitLog.maxOffset() != reported;
            if (appended || now - lastReport >= heartbeatNanos) {
                reported = report(connection, report);
                lastReport = now;
            }
            if (appended) {
                // after the report, so that a SYNC_MASTER's sends do not wait for it
                commitLog.dispatchAppended();
            }
        }
    }

    /**
     * Appends every whole frame of {@code frames} (flipped) and returns the buffer to read on into:
     * the same one compacted, or a larger one when the frame begun needs more room.
     */
    private ByteBuffer appendWholeFrames(ByteBuffer frames) throws IOException {
        while (frames.remaining() >= HEADER) {
            int at = frames.position();
            long offset = frames.getLong(at);
            int size = frames.getInt(at + Long.BYTES);
            if (size < 0 || size > MAX_FRAME) {
                throw new IOException("frame of " + size + " bytes at offset " + offset + ": not RocketMQ HA");
            }
            if (frames.remaining() < HEADER + size) {
                if (HEADER + size > frames.capacity()) {
                    return ByteBuffer.allocateDirect(HEADER + size).put(frames);
                }
                break;
            }
            if (size > 0) {
                commitLog.append(offset, frames.slice(at + HEADER, size));
                bytesReceived.add(size);
            }
            frames.position(at + HEADER + size);
        }
        return frames.compact();
    }

    private long report(SocketChannel connection, ByteBuffer report) throws IOException {
        long offset = commitLog.maxOffset();
        report.clear().putLong(0, offset);
        while (report.hasRemaining()) {
            connection.write(report);
        }
        return offset;
    }

    /** Closes a connection the master left silent for {@code haHousekeepingInterval}. */
    private void watch() {
        SocketChannel current = channel;
        if (current != null && current.isOpen()
                && System.nanoTime() - lastReceived >= settings.housekeepingInterval().toNanos()) {
            silent = true;
            closeQuietly(current);
        }
    }

    private static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the master connection", e);
        }
    }

    private static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("master HA address " + address + " is not host:port");
        }
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        watchdog.shutdownNow();
        SocketChannel current = channel;
        if (current != null) {
            closeQuietly(current);
        }
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}

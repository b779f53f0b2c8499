package dev.bolide.broker.ha;

import dev.bolide.store.replication.ReplicatedCommitLog;
import dev.bolide.store.replication.ReplicationException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
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
    private static final long REPORT_AT_LEAST_EVERY = 256 * 1024;

    private final ReplicatedCommitLog commitLog;
    private final HaSettings settings;
    private final Supplier<String> masterAddress;
    private final LongAdder bytesReceived = new LongAdder();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Socket socket;

    /** @param masterAddress the master's HA address now, null while unknown */
    HaClient(ReplicatedCommitLog commitLog, HaSettings settings, Supplier<String> masterAddress) {
        this.commitLog = commitLog;
        this.settings = settings;
        this.masterAddress = masterAddress;
        this.thread = new Thread(this::run, "bolide-ha-client");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
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
        try (Socket connection = new Socket()) {
            socket = connection;
            if (closed) {
                return false;
            }
            connection.connect(socketAddress(address), (int) settings.heartbeatInterval().toMillis());
            connection.setTcpNoDelay(true);
            connection.setSoTimeout((int) settings.housekeepingInterval().toMillis());
            LOG.log(System.Logger.Level.INFO, "replicating from master {0}, from offset {1}", address,
                    commitLog.maxOffset());
            receive(new DataInputStream(new BufferedInputStream(connection.getInputStream(),
                    settings.transferBatchSize() + 16)), new DataOutputStream(connection.getOutputStream()));
        } catch (ReplicationException e) {
            LOG.log(System.Logger.Level.ERROR, "refusing what master {0} sends: {1}", address, e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "master {0} silent for {1} ms: connecting again", address,
                    settings.housekeepingInterval().toMillis());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot replicate from master {0}: {1}", address, e.getMessage());
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "replication from master {0} ended: {1}", address, e.toString());
            }
        }
        return bytesReceived() > received;
    }

    private void receive(DataInputStream in, DataOutputStream out) throws IOException {
        long heartbeatMillis = settings.heartbeatInterval().toMillis();
        long reported = report(out);
        long lastReport = System.currentTimeMillis();
        while (!closed) {
            long offset = in.readLong();
            int size = in.readInt();
            if (size < 0 || size > MAX_FRAME) {
                throw new IOException("frame of " + size + " bytes at offset " + offset + ": not RocketMQ HA");
            }
            byte[] body = new byte[size];
            in.readFully(body);
            if (size > 0) {
                commitLog.append(offset, ByteBuffer.wrap(body));
                bytesReceived.add(size);
            }
            // after a batch, as RocketMQ's slave after each read; under a steady stream at least every
            // few frames, so that a SYNC_MASTER's sends do not wait for the stream to pause
            long unreported = commitLog.maxOffset() - reported;
            boolean batchDone = in.available() == 0 || unreported >= REPORT_AT_LEAST_EVERY;
            long now = System.currentTimeMillis();
            if ((batchDone && unreported != 0) || now - lastReport >= heartbeatMillis) {
                reported = report(out);
                lastReport = now;
            }
        }
    }

    private long report(DataOutputStream out) throws IOException {
        long offset = commitLog.maxOffset();
        out.writeLong(offset);
        out.flush();
        return offset;
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
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the master connection", e);
            }
        }
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}

package dev.bolide.client.jms.session;

import dev.bolide.client.jms.consumer.BolideMessageConsumer;
import dev.bolide.client.jms.consumer.Delivery;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A connection consumer (Jakarta Messaging 3.1 §8.2, application server facilities): an ordinary
 * consumer of the connection, made by a session of its own (the <em>feed</em>) with the same group,
 * subscription and selector rules as any other, whose messages are not delivered by the feed but
 * handed in loads of at most {@code maxMessages} to sessions of the application server's
 * {@link ServerSessionPool}; each load is delivered to that session's message listener when the
 * server runs the session ({@link BolideSession#run}), acknowledged, committed or rolled back as
 * that session's mode says. What a server session does not deliver goes back to the consumer.
 *
 * <p>Loading runs on a serial task borrowed from the connection's session threads while messages
 * wait and the connection is started; it blocks in {@link ServerSessionPool#getServerSession} while
 * the pool has no free session, which holds messages back in the consumer, where the group's other
 * members' rebalancing or a close can still take them.
 */
public final class BolideConnectionConsumer implements ConnectionConsumer {
    private static final System.Logger LOG = System.getLogger(BolideConnectionConsumer.class.getName());
    /** How long loading pauses after the pool failed, so that a broken pool is not asked in a loop. */
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    /** Opens the feed's consumer: the connection consumer's destination and subscription. */
    @FunctionalInterface
    public interface Opening {
        MessageConsumer open(Session feed) throws JMSException;
    }

    private final SessionConnection connection;
    private final ServerSessionPool pool;
    private final int maxMessages;
    private final FeedSession feed;
    private final SerialExecutor loading;
    /** Wake-ups since the loading task last found nothing: a task is scheduled or running while above 0. */
    private final AtomicInteger wakeUps = new AtomicInteger();
    /** Guards {@link #closed} against a load being taken, and {@link #loadsInFlight}. */
    private final Object loadLock = new Object();
    /** Loads handed to server sessions and not run yet. */
    private int loadsInFlight;
    /** The sessions loads went to: a close in one's listener does not wait for that session's own load. */
    private final Set<BolideSession> loadedSessions = ConcurrentHashMap.newKeySet();
    private volatile BolideMessageConsumer consumer;
    private volatile boolean paused;
    private volatile boolean closed;

    /**
     * @param register adds the feed session to the connection's sessions, so that the connection's
     *                 start, stop and close reach it
     * @param maxMessages values below 1 load one message at a time
     */
    public static BolideConnectionConsumer open(SessionConnection connection, ServerSessionPool pool, int maxMessages,
            Opening opening, Consumer<BolideSession> register) throws JMSException {
        if (pool == null) {
            throw new JMSException("a connection consumer needs a server session pool");
        }
        BolideConnectionConsumer connectionConsumer = new BolideConnectionConsumer(connection, pool, maxMessages);
        register.accept(connectionConsumer.feed);
        try {
            connectionConsumer.consumer = (BolideMessageConsumer) opening.open(connectionConsumer.feed);
        } catch (JMSException | RuntimeException e) {
            connectionConsumer.feed.close();
            throw e;
        }
        connectionConsumer.wake(); // messages may have come before the consumer was known here
        return connectionConsumer;
    }

    private BolideConnectionConsumer(SessionConnection connection, ServerSessionPool pool, int maxMessages)
            throws JMSException {
        this.connection = connection;
        this.pool = pool;
        this.maxMessages = Math.max(1, maxMessages);
        this.feed = new FeedSession(connection, this::wake);
        this.loading = new SerialExecutor(connection.sessionThreads());
    }

    /** The feed: a session whose consumer only buffers, and which tells this of arrivals and of a start. */
    private static final class FeedSession extends BolideSession {
        private final Runnable wake;

        FeedSession(SessionConnection connection, Runnable wake) throws JMSException {
            super(connection, AUTO_ACKNOWLEDGE, SessionDomain.BOTH);
            this.wake = wake;
        }

        @Override
        public void messageArrived() {
            wake.run();
        }

        @Override
        public void connectionStarted() {
            wake.run();
        }
    }

    private void wake() {
        if (wakeUps.getAndIncrement() == 0) {
            loading.execute(this::loadWhileAvailable);
        }
    }

    private boolean loadable() {
        return !closed && !paused && !feed.isClosed() && connection.isStarted() && consumer != null
                && consumer.hasBuffered();
    }

    private void loadWhileAvailable() {
        int seen;
        do {
            seen = wakeUps.get();
            while (loadable() && loadOne()) {
                // one more load while messages wait
            }
        } while (!wakeUps.compareAndSet(seen, 0));
    }

    /** Waits for a free server session, gives it what waits (up to maxMessages) and starts it. */
    private boolean loadOne() {
        ServerSession serverSession;
        BolideSession session;
        try {
            serverSession = pool.getServerSession();
            session = sessionOf(serverSession);
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no server session to load, retrying in {0}: {1}",
                    FAILURE_PAUSE, e.toString());
            pauseAfterFailure();
            return false;
        }
        ServerSessionLoad load = takeLoad();
        if (load != null) {
            loadedSessions.add(session);
            session.load(load);
        }
        try {
            serverSession.start(); // even empty: the pool gets its session back when it has run
        } catch (JMSException | RuntimeException e) {
            // the load stays with the session: its next run, or its close, delivers or gives it back
            LOG.log(System.Logger.Level.WARNING, "starting a server session failed: {0}", e.toString());
            pauseAfterFailure();
            return false;
        }
        return true;
    }

    /** What waits, up to maxMessages, counted in flight; null when closed or nothing waits. */
    private ServerSessionLoad takeLoad() {
        synchronized (loadLock) {
            List<Delivery> batch = new ArrayList<>();
            for (Delivery delivery; !closed && batch.size() < maxMessages && (delivery = consumer.poll()) != null;) {
                batch.add(delivery);
            }
            if (batch.isEmpty()) {
                return null;
            }
            loadsInFlight++;
            return new ServerSessionLoad(consumer, List.copyOf(batch), this::loadDone);
        }
    }

    private static BolideSession sessionOf(ServerSession serverSession) throws JMSException {
        Session session = serverSession.getSession();
        if (session instanceof BolideSession bolide) {
            return bolide;
        }
        throw new IllegalStateException("a server session's session must be a Bolide session, not " + session);
    }

    private void pauseAfterFailure() {
        paused = true;
        try {
            connection.scheduler().schedule(() -> {
                paused = false;
                wake();
            }, FAILURE_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the connection is closing: nothing more to load
        }
    }

    private void loadDone() {
        synchronized (loadLock) {
            loadsInFlight--;
            loadLock.notifyAll();
        }
    }

    @Override
    public ServerSessionPool getServerSessionPool() throws JMSException {
        if (closed) {
            throw new IllegalStateException("the connection consumer is closed");
        }
        return pool;
    }

    /**
     * Stops loading, waits until the server sessions ran what they were given (so their
     * acknowledgements still count), then closes the consumer: what it still held goes to the
     * group's other consumers, or stays uncommitted for the subscription's next reader. Called by a
     * server session's listener, it does not wait for that session's own load, whose messages after
     * the current one are not delivered but given back with the rest.
     */
    @Override
    public void close() throws JMSException {
        synchronized (loadLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long ownLoad = loadedSessions.stream().filter(BolideSession::isDeliveryThread).count();
        try {
            synchronized (loadLock) {
                while (loadsInFlight > ownLoad && !feed.isClosed()) {
                    loadLock.wait(100); // bounded: the connection's close ends the wait too
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        feed.close();
    }
}

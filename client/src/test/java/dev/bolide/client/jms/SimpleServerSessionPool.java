package dev.bolide.client.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server session pool as an application server keeps one: a fixed set of sessions of one
 * connection, each with the message listener, handed out while free; {@link ServerSession#start}
 * runs the session on a thread of the pool's and returns it to the pool when its load is delivered.
 * It records how many messages each run delivered.
 */
final class SimpleServerSessionPool implements ServerSessionPool, AutoCloseable {
    /** What a session of the pool does with a message; it may use its session (commit, rollback). */
    @FunctionalInterface
    interface Listener {
        void onMessage(Session session, Message message) throws Exception;
    }

    /** How the pool runs a session: as it is, or in a transaction begun and ended around the run, as a container does. */
    @FunctionalInterface
    interface Run {
        void around(Runnable run) throws Exception;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BlockingQueue<PooledSession> free = new LinkedBlockingQueue<>();
    private final List<PooledSession> all = new ArrayList<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "server-session-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    /** Messages delivered per run, empty runs left out. */
    final List<Integer> loads = new CopyOnWriteArrayList<>();

    private final Run runs;

    SimpleServerSessionPool(Connection connection, int size, int sessionMode, Listener listener) throws JMSException {
        this(sessions(connection, size, sessionMode), listener, Runnable::run);
    }

    SimpleServerSessionPool(List<? extends Session> sessions, Listener listener, Run runs) throws JMSException {
        this.runs = runs;
        for (Session session : sessions) {
            PooledSession pooled = new PooledSession(session, listener);
            all.add(pooled);
            free.add(pooled);
        }
    }

    private static List<Session> sessions(Connection connection, int size, int sessionMode) throws JMSException {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            sessions.add(connection.createSession(sessionMode));
        }
        return sessions;
    }

    @Override
    public ServerSession getServerSession() throws JMSException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while waiting for a free server session");
        }
    }

    /** How many distinct sessions of the pool delivered at least one message. */
    long sessionsThatDelivered() {
        return all.stream().filter(s -> s.delivered.get() > 0).count();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    private final class PooledSession implements ServerSession {
        private final Session session;
        private final AtomicInteger delivered = new AtomicInteger();
        private final AtomicInteger inThisRun = new AtomicInteger();

        PooledSession(Session session, Listener listener) throws JMSException {
            this.session = session;
            session.setMessageListener(message -> {
                inThisRun.incrementAndGet();
                delivered.incrementAndGet();
                try {
                    listener.onMessage(session, message);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public Session getSession() {
            return session;
        }

        @Override
        public void start() {
            runner.execute(() -> {
                inThisRun.set(0);
                try {
                    runs.around(session::run);
                } catch (Exception e) {
                    throw new IllegalStateException("a run failed", e);
                } finally {
                    // recorded before the session is free again: its next run starts its count at 0
                    if (inThisRun.get() > 0) {
                        loads.add(inThisRun.get());
                    }
                    free.add(this);
                }
            });
        }
    }
}

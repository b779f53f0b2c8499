package dev.bolide.client.jms.connection;

import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.jms.consumer.GroupReader;
import dev.bolide.client.jms.consumer.SettledAhead;
import dev.bolide.client.jms.consumer.SubscriptionGroups;
import dev.bolide.client.jms.consumer.StartPosition;
import dev.bolide.client.jms.session.BolideConnectionConsumer;
import dev.bolide.client.jms.session.BolideSession;
import dev.bolide.client.jms.session.JmsFailure;
import dev.bolide.client.jms.session.SessionConnection;
import dev.bolide.client.jms.session.SessionDomain;
import dev.bolide.client.jms.xa.BolideXASession;
import dev.bolide.client.spi.AdapterConnection;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.Credentials;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.remoting.ClientTls;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection: one {@link RocketMqClient} (so one client id towards the brokers), one member per
 * consumer group shared by all its consumers ({@link GroupReader}), and one scheduler thread that
 * drives pulls and allocates queues again every {@link #REBALANCE} (and whenever a group's members
 * change).
 *
 * <p>Every connection is also an XA connection: {@link #createXASession} gives sessions whose work
 * an XA transaction manager decides; the plain sessions are unaffected.
 */
public final class BolideConnection implements XAQueueConnection, XATopicConnection, SessionConnection,
        AdapterConnection {
    private static final System.Logger LOG = System.getLogger(BolideConnection.class.getName());
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Duration REBALANCE = Duration.ofSeconds(2);
    /** How long a session thread with nothing to do waits for work before it ends. */
    private static final Duration SESSION_THREAD_IDLE = Duration.ofSeconds(10);

    private final ConnectionSettings settings;
    private final RocketMqClient client;
    private final String connectionId = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService sessionThreads;
    private final TemporaryTopics temporaryTopics;
    private final List<BolideSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, GroupReader> readers = new ConcurrentHashMap<>();
    private final Object startLock = new Object();
    private boolean started;
    private volatile boolean startedOnce;
    /** Guarded by this connection. */
    private final List<GroupReader> readersAwaitingStart = new ArrayList<>();
    /**
     * Per group, what its last closed reader here had acknowledged above its committed offsets, for
     * the group's next reader here: a queue consumer with a selector takes messages out of order.
     */
    private final Map<String, Map<MessageQueue, SettledAhead>> settledByGroup = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private String clientId;
    private boolean clientIdFixed;
    private volatile ExceptionListener exceptionListener;

    /** @param tls null: plain connections */
    private BolideConnection(ConnectionSettings settings, Credentials credentials, ClientTls tls) {
        this.settings = settings;
        int number = SEQUENCE.incrementAndGet();
        client = new RocketMqClient(new ClientSettings(settings.nameServers(),
                "bolide-jms-" + ProcessHandle.current().pid() + "-" + number + "-" + System.nanoTime(),
                settings.requestTimeout(), Duration.ofSeconds(30), tls), credentials);
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bolide-jms-connection-" + number);
            thread.setDaemon(true);
            return thread;
        });
        sessionThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, SESSION_THREAD_IDLE.toSeconds(),
                TimeUnit.SECONDS, new SynchronousQueue<>(), sessionThreadFactory(number));
        temporaryTopics = new TemporaryTopics(client, settings.requestTimeout());
        client.onConsumerIdsChanged(group -> rebalance(readers.get(group)));
        client.reportQueueProgress(group -> {
            GroupReader reader = readers.get(group);
            return reader == null ? Map.of() : reader.progress();
        });
        client.onOffsetsReset(reset -> {
            GroupReader reader = readers.get(reset.group());
            if (reader != null) {
                reader.resetTo(reset.offsets());
            }
        });
        client.onBrokerUnreachable(this::brokerConnectionFailed);
        scheduler.scheduleWithFixedDelay(() -> readers.values().forEach(this::rebalance), REBALANCE.toMillis(),
                REBALANCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new, stopped connection with the settings' client id, if any, whose requests are not signed. */
    public static BolideConnection open(ConnectionSettings settings) throws JMSException {
        return open(settings, null, null);
    }

    /**
     * A new, stopped connection with the settings' client id, if any.
     *
     * @param userName the access key every request is signed with, {@code password} the secret key;
     *                 null: requests are not signed
     * @throws JMSSecurityException for a user name without password
     * @throws JMSException naming the file, when the TLS settings name one that cannot be used
     */
    public static BolideConnection open(ConnectionSettings settings, String userName, String password)
            throws JMSException {
        Credentials credentials = ClientAccess.credentials(userName, password);
        BolideConnection connection = new BolideConnection(settings, credentials, ClientAccess.tls(settings));
        if (credentials != null) {
            connection.presentAccount();
        }
        if (settings.clientId() != null) {
            try {
                connection.claimClientId(settings.clientId());
            } catch (JMSException e) {
                connection.closeClient();
                throw e;
            }
        }
        return connection;
    }

    /**
     * A wrong account fails here, as Jakarta Messaging wants of createConnection, not at the first
     * send; any other failure is left to the first request, as before.
     */
    private void presentAccount() throws JMSException {
        try {
            client.presentAccount();
        } catch (RocketMqException e) {
            JMSException failure = JmsFailure.of("the brokers refused the account", e);
            if (failure instanceof JMSSecurityException) {
                closeClient();
                throw failure;
            }
            LOG.log(System.Logger.Level.DEBUG, "cannot present the account yet: {0}", e.getMessage());
        }
    }

    /** Ends what the constructor started, for a connection that is not handed out. */
    private void closeClient() {
        client.close();
        scheduler.shutdownNow();
        sessionThreads.shutdownNow();
    }

    private void rebalance(GroupReader reader) {
        if (reader == null || closed) {
            return;
        }
        try {
            reader.rebalance();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "allocating queues of {0} failed: {1}", reader.group(), e.toString());
        }
    }

    // --- what sessions need

    @Override
    public RocketMqClient client() {
        return client;
    }

    @Override
    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public synchronized String clientIdOrNull() {
        clientIdFixed = true;
        return clientId;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Unbounded, since a listener may block until another session's listener or completion listener
     * has run; a thread ends after {@link #SESSION_THREAD_IDLE} without work.
     */
    @Override
    public Executor sessionThreads() {
        return sessionThreads;
    }

    private static ThreadFactory sessionThreadFactory(int connectionNumber) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "bolide-jms-session-" + connectionNumber + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The connection's member of {@code group}, joined on first use. */
    @Override
    public synchronized GroupReader reader(String group, Subscription subscription, StartPosition start)
            throws JMSException {
        checkOpen();
        GroupReader reader = readers.get(group);
        if (reader != null) {
            Subscription active = reader.subscription();
            if (!active.topic().equals(subscription.topic()) || !active.expression().equals(subscription.expression())) {
                throw new IllegalStateException("subscription group " + group + " has an active consumer here on topic "
                        + active.topic() + " with selector '" + active.expression() + "'");
            }
            return reader;
        }
        reader = new GroupReader(client, group, subscription, start, settings.maxRedeliveries(), scheduler);
        Map<MessageQueue, SettledAhead> settled = settledByGroup.remove(group);
        if (settled != null) {
            reader.skipSettled(settled);
        }
        if (start == StartPosition.COMMITTED_OR_FIRST && !startedOnce) {
            readersAwaitingStart.add(reader);
        } else {
            join(reader);
        }
        readers.put(group, reader);
        return reader;
    }

    private static void join(GroupReader reader) throws JMSException {
        try {
            reader.start();
        } catch (RocketMqException e) {
            reader.close();
            throw JmsFailure.of("cannot join consumer group " + reader.group(), e);
        }
    }

    /**
     * A queue's readers made before the connection's first start join their groups now: a member
     * joining earlier would be allocated queues it does not deliver from, and hold their messages
     * back from the queue's consumers on started connections (a queue loses nothing by the wait).
     */
    private synchronized void joinReadersAwaitingStart() throws JMSException {
        List<GroupReader> awaiting = List.copyOf(readersAwaitingStart);
        readersAwaitingStart.clear();
        for (GroupReader reader : awaiting) {
            if (reader.isOpen()) {
                join(reader);
            }
        }
    }

    @Override
    public synchronized void readerUnused(GroupReader reader) {
        readers.remove(reader.group(), reader);
        Map<MessageQueue, SettledAhead> settled = close(reader);
        if (!settled.isEmpty() && !GroupNames.isNonDurable(reader.group())) {
            settledByGroup.put(reader.group(), settled);
        }
    }

    /**
     * Leaves the group; a non-durable subscriber's group is removed from the brokers too.
     *
     * @return what the reader acknowledged above its committed offsets ({@link GroupReader#close})
     */
    private Map<MessageQueue, SettledAhead> close(GroupReader reader) {
        Map<MessageQueue, SettledAhead> settled = reader.close();
        if (GroupNames.isNonDurable(reader.group())) {
            try {
                new SubscriptionGroups(client).delete(reader.group());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "removing group {0} failed: {1}", reader.group(), e.toString());
            }
        }
        return settled;
    }

    @Override
    public boolean groupActive(String group) {
        return readers.containsKey(group);
    }

    @Override
    public boolean ownsTemporary(String topic) {
        return temporaryTopics.owns(topic);
    }

    @Override
    public boolean isTemporary(String topic) {
        return topic.startsWith(TemporaryTopics.PREFIX);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        return new BolideTemporaryQueue(temporaryTopics.create(), this);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        return new BolideTemporaryTopic(temporaryTopics.create(), this);
    }

    /** Deletes a temporary destination's topic, unless a consumer still reads it. */
    void deleteTemporary(String topic) throws JMSException {
        checkOpen();
        boolean inUse = readers.values().stream().anyMatch(r -> r.subscription().topic().equals(topic));
        if (inUse) {
            throw new IllegalStateException("temporary destination " + topic + " still has consumers");
        }
        temporaryTopics.delete(topic);
    }

    @Override
    public boolean awaitStarted(long deadlineNanos) throws InterruptedException {
        synchronized (startLock) {
            while (!started && !closed) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(startLock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return !closed;
        }
    }

    @Override
    public boolean isStarted() {
        synchronized (startLock) {
            return started;
        }
    }

    @Override
    public void sessionClosed(BolideSession session) {
        sessions.remove(session);
    }

    /** Once per broker outage (the client tells of each once): the exception names the broker and the cause. */
    private void brokerConnectionFailed(RuntimeException failure) {
        ExceptionListener listener = exceptionListener;
        if (listener == null || closed) {
            return;
        }
        JMSException exception = JmsFailure.of("lost the connection to a broker", failure);
        scheduler.execute(() -> listener.onException(exception));
    }

    // --- Connection

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(mode(transacted, acknowledgeMode));
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode, SessionDomain.BOTH);
    }

    private BolideSession createSession(int sessionMode, SessionDomain domain) throws JMSException {
        checkOpen();
        return register(new BolideSession(this, sessionMode, domain));
    }

    /**
     * A JMSContext's own session, made with the context: unlike {@link #createSession(int)} it leaves
     * the client id settable, since {@code JMSContext.setClientID} must work right after the context
     * was created; the context's first consumer, start or stop fixes it.
     */
    public BolideSession createContextSession(int sessionMode) throws JMSException {
        checkOpen();
        BolideSession session = new BolideSession(this, sessionMode, SessionDomain.BOTH);
        sessions.add(session);
        return session;
    }

    private static int mode(boolean transacted, int acknowledgeMode) {
        return transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
    }

    @Override
    public BolideXASession createXASession() throws JMSException {
        checkOpen();
        return register(new BolideXASession(this));
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return createXASession();
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return createXASession();
    }

    private <S extends BolideSession> S register(S session) {
        fixClientId();
        sessions.add(session);
        return session;
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(mode(transacted, acknowledgeMode), SessionDomain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(mode(transacted, acknowledgeMode), SessionDomain.TOPIC);
    }

    @Override
    public synchronized String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public synchronized void setClientID(String clientID) throws JMSException {
        checkOpen();
        if (clientIdFixed || clientId != null) {
            throw new IllegalStateException("the client id can only be set first, before the connection is used");
        }
        if (clientID == null || clientID.isBlank()) {
            throw new InvalidClientIDException("a client id must not be null or blank");
        }
        claimClientId(clientID);
    }

    private synchronized void claimClientId(String id) throws JMSException {
        if (!ClientIds.claim(id)) {
            throw new InvalidClientIDException("client id " + id + " is in use by another connection");
        }
        clientId = id;
        clientIdFixed = true;
    }

    private synchronized void fixClientId() {
        clientIdFixed = true;
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return new BolideConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        exceptionListener = listener;
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        synchronized (startLock) {
            started = true;
            startLock.notifyAll();
        }
        startedOnce = true;
        joinReadersAwaitingStart();
        sessions.forEach(BolideSession::connectionStarted);
    }

    /** Pauses delivery: receives wait, and this returns once no listener of the connection is running. */
    @Override
    public void stop() throws JMSException {
        checkOpen();
        checkNotInMessageListener();
        fixClientId();
        synchronized (startLock) {
            started = false;
        }
        for (BolideSession session : sessions) {
            session.awaitListenerIdle();
        }
    }

    /** Closes the sessions (each waiting for a listener in progress), leaves the groups, deletes temporary topics. */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        checkNotInCallback("close");
        synchronized (startLock) {
            started = false;
            closed = true;
            startLock.notifyAll();
        }
        JMSException failure = null;
        for (BolideSession session : List.copyOf(sessions)) {
            try {
                session.close();
            } catch (JMSException e) {
                failure = e;
            }
        }
        List.copyOf(readers.values()).forEach(this::close);
        readers.clear();
        try {
            temporaryTopics.deleteAll();
        } catch (JMSException e) {
            failure = e;
        }
        scheduler.shutdownNow();
        sessionThreads.shutdown();
        client.close();
        synchronized (this) {
            if (clientId != null) {
                ClientIds.release(clientId);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A message listener stopping its own connection would wait for itself; a completion listener may
     * stop it (Jakarta Messaging 3.1 forbids it only close, commit and rollback).
     */
    private void checkNotInMessageListener() throws IllegalStateException {
        for (BolideSession session : sessions) {
            if (session.isDeliveryThread()) {
                throw new IllegalStateException("a message listener must not stop its own connection");
            }
        }
    }

    private void checkNotInCallback(String what) throws IllegalStateException {
        for (BolideSession session : sessions) {
            if (session.isDeliveryThread() || session.isCompletionThread()) {
                throw new IllegalStateException("a message or completion listener must not " + what
                        + " its own connection");
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return connectionConsumer(sessionPool, maxMessages, feed -> feed.createConsumer(destination, messageSelector));
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return connectionConsumer(sessionPool, maxMessages,
                feed -> feed.createSharedConsumer(topic, subscriptionName, messageSelector));
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return connectionConsumer(sessionPool, maxMessages,
                feed -> feed.createDurableConsumer(topic, subscriptionName, messageSelector, false));
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return connectionConsumer(sessionPool, maxMessages,
                feed -> feed.createSharedDurableConsumer(topic, subscriptionName, messageSelector));
    }

    /** A consumer made as a session makes it, whose messages the pool's server sessions deliver. */
    private ConnectionConsumer connectionConsumer(ServerSessionPool sessionPool, int maxMessages,
            BolideConnectionConsumer.Opening opening) throws JMSException {
        checkOpen();
        fixClientId();
        return BolideConnectionConsumer.open(this, sessionPool, maxMessages, opening, sessions::add);
    }
}

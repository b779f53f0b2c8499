package dev.bolide.client.jms.session;

import dev.bolide.client.jms.HalfMessage;
import dev.bolide.client.jms.HalfMessageSession;
import dev.bolide.client.jms.SendOrder;
import dev.bolide.client.jms.consumer.BolideMessageConsumer;
import dev.bolide.client.jms.consumer.BolideQueueBrowser;
import dev.bolide.client.jms.consumer.ConsumerSession;
import dev.bolide.client.jms.consumer.Delivery;
import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.jms.consumer.GroupReader;
import dev.bolide.client.jms.consumer.SelectorSupport;
import dev.bolide.client.jms.consumer.StartPosition;
import dev.bolide.client.jms.destination.BolideQueue;
import dev.bolide.client.jms.destination.BolideTopic;
import dev.bolide.client.jms.destination.DestinationNames;
import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.jms.mapping.RocketMqMapping;
import dev.bolide.client.jms.message.BolideBytesMessage;
import dev.bolide.client.jms.message.BolideMapMessage;
import dev.bolide.client.jms.message.BolideMessage;
import dev.bolide.client.jms.message.BolideObjectMessage;
import dev.bolide.client.jms.message.BolideStreamMessage;
import dev.bolide.client.jms.message.BolideTextMessage;
import dev.bolide.client.jms.producer.BolideMessageProducer;
import dev.bolide.client.jms.producer.ProducerSession;
import dev.bolide.client.rocketmq.QueueSelector;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.client.rocketmq.StickyQueues;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.client.spi.AcknowledgingSession;
import dev.bolide.protocol.selector.Selector;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session: its consumers and producers, the messages delivered and not yet acknowledged, and
 * its transaction. Its two threads of control, listener delivery ({@link ListenerDelivery}) and
 * completion callbacks ({@link CompletionOrder}), borrow threads from the connection's pool only
 * while they have work.
 *
 * <p>Acknowledgement: AUTO and DUPS_OK acknowledge each message when receive returns or the listener
 * returns; CLIENT acknowledges every message delivered so far; a transaction acknowledges on commit.
 * A transaction sends half messages of a branch of its own (see TransactedSendPath), committed in one phase
 * by commit. Acknowledging lets the group member commit the queue's lowest unacknowledged offset. A recover (or
 * rollback) delivers the unacknowledged messages again, locally, counting the redelivery; a message
 * delivered more than {@code maxRedeliveries} times after the first goes to the dead-letter queue.
 * Messages still unacknowledged when the session closes go back to the broker's retry topic, for
 * whichever member of the group reads them next.
 */
public class BolideSession implements QueueSession, TopicSession, AcknowledgingSession, ConsumerSession,
        ProducerSession, HalfMessageSession {
    private static final System.Logger LOG = System.getLogger(BolideSession.class.getName());

    private final SessionConnection connection;
    private final int mode;
    private final SessionDomain domain;
    private final RocketMqMapping mapping = new RocketMqMapping();
    private final MessageSendPath sendPath;
    private final ReceiveEnlistment receives;
    private final List<BolideMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<BolideMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<Unacknowledged> unacknowledged = new ArrayList<>();
    private final ListenerDelivery listenerDelivery;
    private final CompletionOrder completions;
    /** The queue of each destination this session's messages keep to; null: they are spread ({@link SendOrder}). */
    private final QueueSelector senderQueues;
    /** Loads a connection consumer gave this session as a server session's, not run yet; guarded by itself. */
    private final List<ServerSessionLoad> loads = new ArrayList<>();
    /** Held while {@link #run} delivers, so that {@code Connection.stop} waits for it. */
    private final ReentrantLock runLock = new ReentrantLock();
    private volatile MessageListener sessionListener;
    private volatile Thread runThread;
    private volatile boolean closed;

    private record Unacknowledged(Delivery delivery, BolideMessageConsumer consumer) {
    }

    /** @param domain BOTH for a Session, QUEUE or TOPIC for a QueueSession or TopicSession */
    public BolideSession(SessionConnection connection, int mode, SessionDomain domain) throws JMSException {
        this(connection, mode, domain, mode == SESSION_TRANSACTED ? new TransactedSendPath(connection.client())
                : new DirectSendPath(connection.client()), ReceiveEnlistment.NONE);
    }

    /**
     * A session sending through {@code sendPath} and handing its receives to {@code receives} while
     * that is active: how an XA session plugs in its branch.
     */
    protected BolideSession(SessionConnection connection, int mode, SessionDomain domain, MessageSendPath sendPath,
            ReceiveEnlistment receives) throws JMSException {
        if (mode != AUTO_ACKNOWLEDGE && mode != CLIENT_ACKNOWLEDGE && mode != DUPS_OK_ACKNOWLEDGE
                && mode != SESSION_TRANSACTED) {
            throw new JMSException("unknown session mode " + mode);
        }
        this.connection = connection;
        this.mode = mode;
        this.domain = domain;
        this.sendPath = sendPath;
        this.receives = receives;
        listenerDelivery = new ListenerDelivery(consumers, new SerialExecutor(connection.sessionThreads()),
                () -> !closed && connection.isStarted(), this::deliverToListener);
        completions = new CompletionOrder(new SerialExecutor(connection.sessionThreads()));
        senderQueues = connection.settings().sendOrder() == SendOrder.PER_SESSION ? new StickyQueues() : null;
    }

    // --- consumers

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        Selector selector = SelectorSupport.compile(messageSelector);
        String topic = consumableTopic(destination);
        if (destination instanceof Queue) {
            // a queue's group serves consumers with different selectors: they filter locally
            return consumer(destination, GroupNames.queue(topic), Subscription.all(topic), StartPosition.COMMITTED_OR_FIRST,
                    selector, noLocal);
        }
        String group = GroupNames.nonDurable();
        return consumer(destination, group, subscription(group, topic, selector), StartPosition.LAST, selector,
                noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        domain.checkTopics("createSharedConsumer");
        checkSubscriptionName(sharedSubscriptionName);
        Selector selector = SelectorSupport.compile(messageSelector);
        String name = consumableTopic(topic);
        String group = GroupNames.sharedNonDurable(connection.clientIdOrNull(), sharedSubscriptionName);
        return consumer(topic, group, subscription(group, name, selector), StartPosition.LAST, selector, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableConsumer(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        domain.checkTopics("createDurableConsumer");
        checkSubscriptionName(name);
        Selector selector = SelectorSupport.compile(messageSelector);
        String topicName = consumableTopic(topic); // an invalid topic is named before a missing client id
        String clientId = connection.clientIdOrNull();
        if (clientId == null) {
            throw new IllegalStateException("an unshared durable subscription needs a client id on the connection");
        }
        String subscriptionGroup = GroupNames.durable(clientId, name);
        String group = GroupNames.definition(subscriptionGroup, topicName, messageSelector, noLocal);
        if (connection.groupActive(group)) {
            throw new IllegalStateException("durable subscription " + name + " already has an active consumer");
        }
        durableSubscriptions().subscribe(name, subscriptionGroup, group, topicName);
        return consumer(topic, group, subscription(group, topicName, selector), StartPosition.COMMITTED_OR_LAST,
                selector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        domain.checkTopics("createSharedDurableConsumer");
        checkSubscriptionName(name);
        Selector selector = SelectorSupport.compile(messageSelector);
        String topicName = consumableTopic(topic);
        String subscriptionGroup = GroupNames.sharedDurable(name);
        String group = GroupNames.definition(subscriptionGroup, topicName, messageSelector, false);
        if (!connection.groupActive(group)) {
            durableSubscriptions().subscribe(name, subscriptionGroup, group, topicName);
        }
        return consumer(topic, group, subscription(group, topicName, selector), StartPosition.COMMITTED_OR_LAST,
                selector, false);
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        domain.checkTopics("unsubscribe");
        checkSubscriptionName(name);
        String clientId = connection.clientIdOrNull();
        // a shared durable subscription is named by its name alone, whether the connection has a client id or not
        List<String> subscriptionGroups = clientId == null ? List.of(GroupNames.sharedDurable(name))
                : List.of(GroupNames.durable(clientId, name), GroupNames.sharedDurable(name));
        durableSubscriptions().unsubscribe(name, subscriptionGroups);
    }

    private DurableSubscriptions durableSubscriptions() {
        return new DurableSubscriptions(connection.client(), connection::groupActive);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        domain.checkQueues("createBrowser");
        Selector selector = SelectorSupport.compile(messageSelector);
        return new BolideQueueBrowser(connection.client(), mapping, queue, consumableTopic(queue), selector);
    }

    private Subscription subscription(String group, String topic, Selector selector) throws JMSException {
        try {
            return SelectorSupport.subscription(connection.client(), group, topic, selector);
        } catch (RocketMqException e) {
            throw JmsFailure.of("cannot check the selector with the broker", e);
        }
    }

    private BolideMessageConsumer consumer(Destination destination, String group, Subscription subscription,
            StartPosition start, Selector selector, boolean noLocal) throws JMSException {
        GroupReader reader = connection.reader(group, subscription, start);
        BolideMessageConsumer consumer = new BolideMessageConsumer(this, reader, destination, selector, noLocal,
                connection.connectionId());
        consumers.add(consumer);
        reader.add(consumer);
        return consumer;
    }

    /** The destination's topic, checked: a temporary one only for the connection that created it. */
    private String consumableTopic(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("no destination given");
        }
        String topic = DestinationNames.topicOf(destination);
        if (connection.isTemporary(topic) && !connection.ownsTemporary(topic)) {
            throw new InvalidDestinationException("only the connection that created temporary destination "
                    + topic + " may consume from it");
        }
        return topic;
    }

    private static void checkSubscriptionName(String name) throws JMSException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException("a subscription name must not be null or blank");
        }
    }

    // --- delivery (ConsumerSession)

    @Override
    public Message deliver(Delivery delivery, BolideMessageConsumer consumer) throws JMSException {
        if (delivery.expired(System.currentTimeMillis())) {
            delivery.acknowledge();
            return null;
        }
        if (delivery.deliveryCount() > delivery.reader().maxRedeliveries() + 1) {
            deadLetter(delivery);
            return null;
        }
        BolideMessage message = mapping.toJms(delivery.record());
        if (mode == CLIENT_ACKNOWLEDGE) {
            message.setAcknowledger(this::acknowledge);
        }
        synchronized (unacknowledged) {
            unacknowledged.add(new Unacknowledged(delivery, consumer));
        }
        return message;
    }

    private void deadLetter(Delivery delivery) throws JMSException {
        try {
            delivery.reader().sendToDeadLetters(delivery);
        } catch (RocketMqException e) {
            throw JmsFailure.of("cannot move a message delivered " + delivery.deliveryCount()
                    + " times to the dead-letter queue", e);
        }
    }

    @Override
    public void received(Delivery delivery) {
        if (receives.active()) {
            enlist(delivery);
        } else if (mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE) {
            acknowledgeOne(delivery);
        }
    }

    @Override
    public void bodyRefused(Delivery delivery, BolideMessageConsumer consumer) throws JMSException {
        if (receives.active() || (mode != AUTO_ACKNOWLEDGE && mode != DUPS_OK_ACKNOWLEDGE)) {
            received(delivery);
            return;
        }
        synchronized (unacknowledged) {
            unacknowledged.removeIf(u -> u.delivery() == delivery);
        }
        consumer.pushBack(delivery);
    }

    /** Hands the delivery to the global transaction: it is no longer the session's to acknowledge or recover. */
    private void enlist(Delivery delivery) {
        Unacknowledged taken = null;
        synchronized (unacknowledged) {
            for (var pending = unacknowledged.iterator(); pending.hasNext() && taken == null;) {
                Unacknowledged candidate = pending.next();
                if (candidate.delivery() == delivery) {
                    taken = candidate;
                    pending.remove();
                }
            }
        }
        if (taken != null) {
            BolideMessageConsumer consumer = taken.consumer();
            receives.enlist(delivery, delivery::acknowledge, () -> consumer.pushBack(delivery.redelivered()));
        }
    }

    private void acknowledgeOne(Delivery delivery) {
        boolean pending;
        synchronized (unacknowledged) {
            pending = unacknowledged.removeIf(u -> u.delivery() == delivery);
        }
        if (pending) {
            delivery.acknowledge();
        }
    }

    private List<Unacknowledged> takeUnacknowledged() {
        synchronized (unacknowledged) {
            List<Unacknowledged> taken = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
            return taken;
        }
    }

    @Override
    public void messageArrived() {
        listenerDelivery.wake();
    }

    @Override
    public boolean awaitStarted(long deadlineNanos) throws InterruptedException {
        return !closed && connection.awaitStarted(deadlineNanos);
    }

    @Override
    public void listenerChanged(BolideMessageConsumer consumer) throws JMSException {
        checkOpen();
        if (consumer.listener() != null) {
            listenerDelivery.listenerSet();
        }
    }

    @Override
    public void consumerClosed(BolideMessageConsumer consumer) {
        consumers.remove(consumer);
        if (consumer.reader().remove(consumer)) {
            connection.readerUnused(consumer.reader());
        }
    }

    @Override
    public boolean isDeliveryThread() {
        return listenerDelivery.isDeliveryThread() || runThread == Thread.currentThread();
    }

    /** On the delivery task, the connection started: one message to one listener. */
    private void deliverToListener(BolideMessageConsumer consumer, MessageListener listener, Delivery delivery) {
        try {
            Message message = deliver(delivery, consumer);
            if (message == null) {
                return;
            }
            try {
                listener.onMessage(message);
                received(delivery);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "listener failed, message redelivered: {0}", e.toString());
                if (mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE) {
                    redeliver(delivery, consumer);
                }
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery to a listener failed: {0}", e.toString());
        }
    }

    private void redeliver(Delivery delivery, BolideMessageConsumer consumer) {
        boolean pending;
        synchronized (unacknowledged) {
            pending = unacknowledged.removeIf(u -> u.delivery() == delivery);
        }
        if (pending) {
            consumer.pushBack(delivery.redelivered());
        }
    }

    /** Returns once no listener of this session is running (for {@code Connection.stop}). */
    public void awaitListenerIdle() {
        listenerDelivery.awaitListenerIdle();
        if (runThread != Thread.currentThread()) {
            runLock.lock();
            runLock.unlock();
        }
    }

    /** The connection started: messages that waited for it are delivered to the listeners. */
    public void connectionStarted() {
        listenerDelivery.wake();
    }

    // --- acknowledgement and transactions

    /** CLIENT_ACKNOWLEDGE: acknowledges every message the session delivered so far (Message.acknowledge). */
    @Override
    public void acknowledge() throws JMSException {
        checkOpen();
        if (mode == CLIENT_ACKNOWLEDGE) {
            takeUnacknowledged().forEach(u -> u.delivery().acknowledge());
        }
    }

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        checkTransacted("commit");
        checkNotCompletionThread("commit");
        sendPath.commit();
        takeUnacknowledged().forEach(u -> u.delivery().acknowledge());
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        checkTransacted("rollback");
        checkNotCompletionThread("rollback");
        sendPath.rollback();
        redeliverUnacknowledged();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover is not allowed in a transacted session: use rollback");
        }
        redeliverUnacknowledged();
    }

    /** In the order first delivered: each goes back to the head of its consumer's buffer, last first. */
    private void redeliverUnacknowledged() {
        List<Unacknowledged> taken = takeUnacknowledged();
        Collections.reverse(taken);
        taken.forEach(u -> u.consumer().pushBack(u.delivery().redelivered()));
    }

    private void checkTransacted(String what) throws IllegalStateException {
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException(what + " is only allowed in a transacted session");
        }
    }

    // --- producers (ProducerSession)

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        BolideMessageProducer producer = new BolideMessageProducer(this, destination);
        producers.add(producer);
        return producer;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public RocketMqMapping mapping() {
        return mapping;
    }

    @Override
    public String connectionId() {
        return connection.connectionId();
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record)
            throws JMSException {
        checkOpen();
        return sendPath.send(record.placedBy(senderQueues));
    }

    @Override
    public HalfMessage sendHalf(Destination destination, Message message, String producerGroup) throws JMSException {
        checkOpen();
        if (producerGroup == null || producerGroup.isBlank()) {
            throw new JMSException("a half message needs a producer group, whose producers the broker checks back");
        }
        if (sendPath.inTransaction()) {
            throw new IllegalStateException("half messages are refused in a transaction: the session's transaction "
                    + "already makes its sends atomic, send in it instead");
        }
        OutgoingRecord record = new BolideMessageProducer(this, null).stamp(destination, message).placedBy(senderQueues);
        try {
            return new BolideHalfMessage(connection.client().sendHalf(producerGroup, record.message(),
                    record.queueSelector()), connection.client(), this);
        } catch (RocketMqException e) {
            throw JmsFailure.of("sending a half message to " + record.topic() + " failed", e);
        }
    }

    @Override
    public boolean sendOutcomeAtCommit() {
        return sendPath.outcomeAtCommit();
    }

    /** Callbacks run one at a time, in the order of the sends. */
    @Override
    public void whenSent(CompletableFuture<SendResult> sent, Message message, CompletionListener listener) {
        // the listener is told when the send is done, which a send held back for a batch would not be before commit
        sendPath.flush();
        completions.whenSent(sent, message, listener);
    }

    @Override
    public boolean isCompletionThread() {
        return completions.isCompletionThread();
    }

    @Override
    public void producerClosed(BolideMessageProducer producer) {
        producers.remove(producer);
    }

    /** Waits for the completion callbacks of the sends so far. */
    @Override
    public void awaitCompletions() {
        completions.await();
    }

    private void checkNotCompletionThread(String what) throws IllegalStateException {
        if (isCompletionThread()) {
            throw new IllegalStateException("a completion listener must not " + what + " its own session");
        }
    }

    // --- destinations and messages

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        domain.checkQueues("createQueue");
        return new BolideQueue(DestinationNames.checkTopicName(queueName));
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        domain.checkTopics("createTopic");
        return new BolideTopic(DestinationNames.checkTopicName(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        domain.checkQueues("createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        domain.checkTopics("createTemporaryTopic");
        return connection.createTemporaryTopic();
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new BolideBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new BolideMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new BolideMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new BolideObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage message = createObjectMessage();
        message.setObject(object);
        return message;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new BolideStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new BolideTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        return new BolideTextMessage(text);
    }

    // --- the session of a ServerSession (application server facilities)

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return sessionListener;
    }

    /** The listener {@link #run} delivers a connection consumer's loads to. */
    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        sessionListener = listener;
    }

    /** A connection consumer gives this session messages to deliver at the next {@link #run}. */
    void load(ServerSessionLoad load) {
        synchronized (loads) {
            loads.add(load);
        }
    }

    /**
     * Delivers what connection consumers loaded into this session to its message listener, one
     * message at a time, with the acknowledgement rules of a consumer's listener; while the session
     * cannot deliver (closed, the connection stopped, no listener, the connection consumer closed)
     * the messages go back to their connection consumer.
     */
    @Override
    public void run() {
        List<ServerSessionLoad> taken = takeLoads();
        runLock.lock();
        runThread = Thread.currentThread();
        try {
            taken.forEach(this::deliverLoad);
        } finally {
            runThread = null;
            runLock.unlock();
        }
    }

    private void deliverLoad(ServerSessionLoad load) {
        List<Delivery> deliveries = load.deliveries();
        int delivered = 0;
        try {
            for (MessageListener listener; delivered < deliveries.size() && (listener = sessionListener) != null
                    && !closed && connection.isStarted() && !load.source().isClosed(); delivered++) {
                deliverToListener(load.source(), listener, deliveries.get(delivered));
            }
        } finally {
            giveBack(load.source(), deliveries.subList(delivered, deliveries.size()));
            load.done().run();
        }
    }

    /** Back to the head of the connection consumer's buffer, in their order. */
    static void giveBack(BolideMessageConsumer source, List<Delivery> deliveries) {
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            source.pushBack(deliveries.get(i));
        }
    }

    private List<ServerSessionLoad> takeLoads() {
        synchronized (loads) {
            List<ServerSessionLoad> taken = List.copyOf(loads);
            loads.clear();
            return taken;
        }
    }

    /** Loads never run go back to their connection consumers, in order. */
    private void giveBackLoads() {
        for (ServerSessionLoad load : takeLoads()) {
            giveBack(load.source(), load.deliveries());
            load.done().run();
        }
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    // --- closing

    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits for a listener in progress and for pending completion callbacks, rolls back an open
     * transaction, and gives unacknowledged messages back to the broker's retry topic.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (isDeliveryThread()) {
            throw new IllegalStateException("a message listener must not close its own session");
        }
        checkNotCompletionThread("close");
        closed = true;
        listenerDelivery.awaitEnd();
        runLock.lock(); // a run in progress on the server's thread ends first
        runLock.unlock();
        awaitCompletions();
        if (mode == SESSION_TRANSACTED) {
            sendPath.rollback();
        }
        // what was received and not acknowledged or committed goes back to the group in memory: to
        // the connection's other consumers of it, else uncommitted for the group's next reader at once
        // (sent back through %RETRY% it came a second time when the offset commit was late)
        redeliverUnacknowledged();
        giveBackLoads();
        for (BolideMessageConsumer consumer : List.copyOf(consumers)) {
            consumer.close();
        }
        for (BolideMessageProducer producer : List.copyOf(producers)) {
            producer.close();
        }
        connection.sessionClosed(this);
    }

    @Override
    public void checkOpen() throws IllegalStateException {
        if (closed || connection.isClosed()) {
            throw new IllegalStateException("the session is closed");
        }
    }
}

package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.remoting.ServerRequestHandler;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client instance of a RocketMQ cluster: one connection per broker, shared by every producer and
 * consumer using this instance (a Jakarta Messaging connection owns one).
 *
 * <p>Threading: connections are served by one I/O thread, which also completes the futures of the
 * asynchronous methods; work chained on them must not block (use the {@code *Async} stages with an
 * executor of your own). One timer thread refreshes the routes and repeats the heartbeats every
 * {@link ClientSettings#routeRefresh()} and runs the {@linkplain #onConsumerIdsChanged listeners}.
 * The synchronous methods block the caller until the answer or the timeout and throw
 * {@link RocketMqException}. All methods are thread-safe.
 */
public final class RocketMqClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RocketMqClient.class.getName());

    private final String clientId;
    private final ScheduledExecutorService timer;
    private final RemotingClient remoting;
    private final Requests requests;
    private final NameServers nameServers;
    private final Routes routes;
    private final Sender sender;
    private final Pulls pulls;
    private final Offsets offsets;
    private final Membership membership;
    private final EndTransactionFallback endTransactions;
    private final XaBranches branches;
    private final List<Consumer<String>> consumerIdsListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<TransactionCheck>> checkHandlers = new ConcurrentHashMap<>();
    private final List<Consumer<RocketMqException>> unreachableListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<OffsetReset>> offsetResetListeners = new CopyOnWriteArrayList<>();
    private final String nameServerList;
    private final long startedMillis = System.currentTimeMillis();
    private volatile Function<String, Map<MessageQueue, QueueProgress>> queueProgress = group -> Map.of();

    /** A client whose requests are not signed: for brokers without access control. */
    public RocketMqClient(ClientSettings settings) {
        this(settings, null);
    }

    /** @param credentials the account every request is signed with; null: none */
    public RocketMqClient(ClientSettings settings, Credentials credentials) {
        clientId = LocalAddress.IPV4.getHostAddress() + "@" + settings.instanceName();
        nameServerList = settings.nameServers();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bolide-client-" + settings.instanceName());
            thread.setDaemon(true);
            return thread;
        });
        remoting = new RemotingClient(serverRequests(), settings.tls());
        if (credentials != null) {
            remoting.signingAs(credentials.accessKey(), credentials.secretKey());
        }
        requests = new Requests(remoting, settings.requestTimeout());
        nameServers = new NameServers(settings.nameServers(), requests);
        routes = new Routes(nameServers);
        sender = new Sender(routes, requests);
        pulls = new Pulls(routes, requests);
        offsets = new Offsets(routes, requests);
        membership = new Membership(clientId, routes, requests);
        endTransactions = new EndTransactionFallback(routes, requests);
        branches = new XaBranches(routes, requests, sender, endTransactions);
        remoting.onConnectionClosed(this::connectionClosed);
        requests.onLost(this::serverLost);
        long period = settings.routeRefresh().toMillis();
        timer.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    /** {@code ip@instanceName}: how brokers and the other members of a group know this client. */
    public String clientId() {
        return clientId;
    }

    /** The queues a producer may send to (a topic unknown yet is routed like TBW102; see {@link Routes}). */
    public List<MessageQueue> writeQueues(String topic) {
        return requests.await(routes.forPublishing(topic)).writeQueues(topic);
    }

    /** The queues consumers read; fails with TOPIC_NOT_EXIST for an unknown topic. */
    public List<MessageQueue> readQueues(String topic) {
        return requests.await(routes.forConsuming(topic)).readQueues(topic);
    }

    /**
     * Sends and waits for the broker's answer. With a null {@code selector} queues are taken in turn
     * and a failed send is retried on another broker of the topic; a selected queue is kept.
     */
    public SendResult send(String producerGroup, OutgoingMessage message, QueueSelector selector) {
        return requests.await(sendAsync(producerGroup, message, selector));
    }

    public CompletableFuture<SendResult> sendAsync(String producerGroup, OutgoingMessage message,
            QueueSelector selector) {
        return sender.send(producerGroup, message, selector);
    }

    /**
     * Sends messages of one topic as one batch (SEND_BATCH_MESSAGE): one queue (the selected one, else
     * the next in turn), one append, all stored or none; results in order.
     *
     * @param messages each {@link OutgoingMessage#fitsBatch() fitting a batch}
     */
    public CompletableFuture<List<SendResult>> sendBatchAsync(String producerGroup, List<OutgoingMessage> messages,
            QueueSelector selector) {
        return sender.sendBatch(producerGroup, OutgoingMessage.of(messages.get(0).topic(), new byte[0], Map.of()),
                messages, selector);
    }

    /** Sends without waiting for any answer: the message may be lost. Completes once written. */
    public CompletableFuture<Void> sendOneway(String producerGroup, OutgoingMessage message, QueueSelector selector) {
        return sender.sendOneway(producerGroup, message, selector);
    }

    /**
     * Sends {@code message} as the half message of a RocketMQ local transaction of
     * {@code producerGroup}: stored, invisible to consumers until {@link #endTransaction} commits it.
     * When that decision does not reach the broker, the broker checks back with a live producer of
     * the group ({@link #onTransactionCheck}). Sending does not join the group: a member without a
     * check-back handler would leave the broker's questions unanswered.
     */
    public SentHalfMessage sendHalf(String producerGroup, OutgoingMessage message, QueueSelector selector) {
        SendResult result = send(producerGroup, message.asHalf(producerGroup, Map.of()), selector);
        return SentHalfMessage.of(producerGroup, result);
    }

    /**
     * Commits (delivers) or rolls back (discards) a half message with RocketMQ's END_TRANSACTION,
     * waiting for the broker's answer.
     */
    public void endTransaction(SentHalfMessage half, boolean commit) {
        requests.await(endTransactions.end(half, commit));
    }

    public PullResult pull(PullRequest request) {
        return requests.await(pullAsync(request));
    }

    public CompletableFuture<PullResult> pullAsync(PullRequest request) {
        return pulls.pull(request);
    }

    /** The group's committed offset in the queue (the next to consume), or -1 when it has none. */
    public long committedOffset(String group, MessageQueue queue) {
        return requests.await(offsets.committed(group, queue));
    }

    /** Stores {@code nextOffset} (the next message to consume) as the group's position in the queue. */
    public void commitOffset(String group, MessageQueue queue, long nextOffset) {
        requests.await(commitOffsetAsync(group, queue, nextOffset));
    }

    public CompletableFuture<Void> commitOffsetAsync(String group, MessageQueue queue, long nextOffset) {
        return offsets.commit(group, queue, nextOffset);
    }

    /** The queue's next offset to be written: where a consumer "from the last offset" starts. */
    public long maxOffset(MessageQueue queue) {
        return requests.await(offsets.max(queue));
    }

    /**
     * Hands a message the group failed to consume back to its broker, which redelivers it through
     * {@code %RETRY%group} after a delay, or moves it to {@code %DLQ%group} after
     * {@code maxReconsumeTimes}.
     *
     * @param delayLevel 0 lets the broker choose; negative sends it straight to the dead-letter queue
     */
    public void sendBack(String group, ReceivedMessage message, int delayLevel, int maxReconsumeTimes) {
        MessageQueue from = new MessageQueue(message.topic(), message.brokerName(), message.queueId());
        Map<String, String> fields = Map.of("offset", Long.toString(message.commitLogOffset()), "group", group,
                "delayLevel", Integer.toString(delayLevel), "originMsgId", message.msgId(),
                "originTopic", message.topic(), "unitMode", "false",
                "maxReconsumeTimes", Integer.toString(maxReconsumeTimes), "bname", message.brokerName());
        Requests.expect(requests.await(request(from, RequestCode.CONSUMER_SEND_MSG_BACK, fields, null)),
                ResponseCode.SUCCESS);
    }

    /**
     * Sends a request of any code (Bolide's extensions, say) to the master of the queue's broker over
     * the shared connection, and completes with the answer whatever its code.
     */
    public CompletableFuture<RemotingCommand> request(MessageQueue queue, int code, Map<String, String> fields,
            byte[] body) {
        return routes.master(queue).thenCompose(address -> requests.call(address, code, fields, body));
    }

    /** The master address of every broker the name servers know (GET_BROKER_CLUSTER_INFO). */
    public List<String> brokerMasters() {
        return requests.await(routes.brokerMasters()).values().stream().filter(Objects::nonNull).toList();
    }

    /**
     * Presents this client's account to every master the name servers know, with an empty signed
     * heartbeat: RocketMQ has no login, so a broker with access control would otherwise refuse an
     * unknown account or a wrong secret key only at its first real request. Brokers that cannot be
     * reached now are not asked.
     *
     * @throws RocketMqException the first broker's refusal
     */
    public void presentAccount() {
        byte[] emptyHeartbeat = HeartbeatBody.of(clientId, Map.of(), Set.of());
        List<String> masters;
        try {
            masters = brokerMasters();
        } catch (RocketMqException noNameServer) {
            return;
        }
        for (String address : masters) {
            RemotingCommand answer;
            try {
                answer = requests.await(requests.call(address, RequestCode.HEART_BEAT, Map.of(), emptyHeartbeat));
            } catch (RocketMqException unreachable) {
                continue;
            }
            Requests.expect(answer, ResponseCode.SUCCESS);
        }
    }

    /** Sends a request of any code to the broker at {@code address}; completes with the answer whatever its code. */
    public CompletableFuture<RemotingCommand> request(String address, int code, Map<String, String> fields,
            byte[] body) {
        return requests.call(address, code, fields, body);
    }

    /** XA branches of half messages: sends in a branch, prepare, commit, rollback, recover, forget. */
    public XaBranches branches() {
        return branches;
    }

    /**
     * Joins the consumer group (or updates its subscriptions) on every broker of the subscribed
     * topics. To receive redeliveries, subscribe {@code %RETRY%group} too, as RocketMQ consumers do.
     */
    public void joinConsumerGroup(String group, Collection<Subscription> subscriptions) {
        requests.await(membership.joinConsumers(group, subscriptions));
    }

    /** Leaves the group; its other members are notified and take over its queues. */
    public void leaveConsumerGroup(String group) {
        requests.await(membership.leaveConsumers(group));
    }

    public void joinProducerGroup(String group) {
        requests.await(membership.joinProducers(group));
    }

    public void leaveProducerGroup(String group) {
        requests.await(membership.leaveProducers(group));
    }

    /** The client ids of the group's live members, sorted, as a broker of {@code topic} knows them. */
    public List<String> consumerIds(String group, String topic) {
        return requests.await(membership.members(group, topic)).stream().sorted().toList();
    }

    /** The client ids of the group's live members, as the broker at {@code brokerAddress} knows them. */
    public List<String> consumerIdsAt(String brokerAddress, String group) {
        return requests.await(membership.membersAt(brokerAddress, group));
    }

    /** This client's share of the topic's queues among the group's members ({@link QueueAllocation#average}). */
    public List<MessageQueue> allocatedQueues(String group, String topic) {
        return QueueAllocation.average(readQueues(topic), consumerIds(group, topic), clientId);
    }

    /**
     * Calls {@code listener} with the group's name whenever a broker says a group of this client
     * gained or lost a member (NOTIFY_CONSUMER_IDS_CHANGED): time to allocate queues again.
     */
    public void onConsumerIdsChanged(Consumer<String> listener) {
        consumerIdsListeners.add(listener);
    }

    /**
     * Calls {@code listener} when a broker can no longer be reached: once per outage, at the first
     * request to it that fails for want of a connection (a pull, a send, or the heartbeat this client
     * sends a broker whose connection closed, so that an idle client learns of it too) since it last
     * answered. A broker that dropped an idle connection and answers again is not reported. The
     * failure names the broker and the cause. Runs on the timer thread.
     */
    public void onBrokerUnreachable(Consumer<RocketMqException> listener) {
        unreachableListeners.add(listener);
    }

    /**
     * Calls {@code listener} when a broker has moved a group's offsets (RESET_CONSUMER_CLIENT_OFFSET,
     * from mqadmin {@code resetOffsetByTime}): the group's members pull from there. Runs on the timer
     * thread.
     */
    public void onOffsetsReset(Consumer<OffsetReset> listener) {
        offsetResetListeners.add(listener);
    }

    /**
     * Where this client's member of a group stands in each of its queues, for the group's running
     * info (GET_CONSUMER_RUNNING_INFO, mqadmin {@code consumerStatus}). Called on the I/O thread:
     * must answer at once.
     */
    public void reportQueueProgress(Function<String, Map<MessageQueue, QueueProgress>> progressOfGroup) {
        queueProgress = progressOfGroup;
    }

    /**
     * Hands the brokers' check-backs of {@code producerGroup}'s half messages (those not sent in an
     * XA branch, which this client answers itself) to {@code handler}, which answers them, now or
     * later, or not at all ("unknown"). The handler runs on the I/O thread and must not block. A broker
     * checks back only with a live producer of the group: {@linkplain #joinProducerGroup join} it too.
     *
     * @throws IllegalStateException when the group already has a handler in this client
     */
    public void onTransactionCheck(String producerGroup, Consumer<TransactionCheck> handler) {
        if (checkHandlers.putIfAbsent(producerGroup, handler) != null) {
            throw new IllegalStateException("producer group " + producerGroup + " already has a check-back handler");
        }
    }

    private ServerRequestHandler serverRequests() {
        return (server, request) -> {
            if (request.code() == RequestCode.CHECK_TRANSACTION_STATE) {
                if (!endTransactions.answerCheck(server, request)) {
                    handCheckToGroup(server, request);
                }
                return null;
            }
            if (request.code() == RequestCode.GET_CONSUMER_RUNNING_INFO) {
                return runningInfo(request);
            }
            if (request.code() == RequestCode.CONSUME_MESSAGE_DIRECTLY) {
                return membership.subscriptions(request.field("consumerGroup")).isEmpty() ? notAMember(request)
                        : DirectConsumption.refused(request, clientId);
            }
            if (request.code() == RequestCode.RESET_CONSUMER_CLIENT_OFFSET) {
                OffsetReset reset = OffsetReset.of(request);
                onTimer(() -> offsetResetListeners.forEach(listener -> listener.accept(reset)));
                return null;
            }
            if (request.code() != RequestCode.NOTIFY_CONSUMER_IDS_CHANGED) {
                return ServerRequestHandler.IGNORE.handle(server, request);
            }
            String group = request.field("consumerGroup");
            onTimer(() -> consumerIdsListeners.forEach(listener -> listener.accept(group)));
            return null;
        };
    }

    private RemotingCommand runningInfo(RemotingCommand request) {
        String group = request.field("consumerGroup");
        Optional<Collection<Subscription>> subscriptions = membership.subscriptions(group);
        if (subscriptions.isEmpty()) {
            return notAMember(request);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, ConsumerRunningInfo.json(group,
                nameServerList, startedMillis, subscriptions.get(), queueProgress.apply(group)));
    }

    /** RocketMQ's answer, its remark included, for a group this client is not a member of. */
    private static RemotingCommand notAMember(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, String.format(
                "The Consumer Group <%s> not exist in this consumer", request.field("consumerGroup")), null, null);
    }

    private void onTimer(Runnable task) {
        try {
            timer.execute(task);
        } catch (RejectedExecutionException closing) {
            // the client is closing while a broker tells it something: nobody listens any more
        }
    }

    private void handCheckToGroup(String server, RemotingCommand request) {
        List<ReceivedMessage> halves = PulledRecords.decode(request.body(), null);
        if (halves.isEmpty()) {
            return;
        }
        ReceivedMessage half = halves.get(0);
        String group = half.property(PropertyKeys.PRODUCER_GROUP);
        Consumer<TransactionCheck> handler = group == null ? null : checkHandlers.get(group);
        if (handler == null) {
            LOG.log(System.Logger.Level.DEBUG, "no check-back handler for producer group {0}", group);
            return;
        }
        handler.accept(new TransactionCheck(half, group, server, request.longField("tranStateTableOffset"),
                request.longField("commitLogOffset"), half.msgId(), requests));
    }

    /**
     * On the I/O thread: a closed broker connection is probed (a heartbeat) once the back-off allows;
     * if the broker is gone the heartbeat's failure reports it ({@link #serverLost}).
     */
    private void connectionClosed(String address) {
        if (unreachableListeners.isEmpty() || !routes.brokerAddresses().contains(address)) {
            return;
        }
        try {
            timer.schedule(() -> probe(address), requests.untilReachable(address).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // this client is closing: nobody to tell
        }
    }

    private void probe(String address) {
        byte[] emptyHeartbeat = HeartbeatBody.of(clientId, Map.of(), Set.of());
        requests.call(address, RequestCode.HEART_BEAT, Map.of(), emptyHeartbeat).exceptionally(failure -> null);
    }

    /** On the I/O thread: a server that answered before failed for want of a connection. */
    private void serverLost(String address, RocketMqException failure) {
        if (unreachableListeners.isEmpty() || !routes.brokerAddresses().contains(address)) {
            return; // a name server, or a broker of no topic in use
        }
        RocketMqException unreachable = new RocketMqException("broker " + routes.brokerName(address) + " at "
                + address + " unreachable: " + failure.getMessage(), failure);
        onTimer(() -> unreachableListeners.forEach(listener -> listener.accept(unreachable)));
    }

    private void refresh() {
        routes.refreshAll().thenCompose(refreshed -> membership.beat()).exceptionally(failure -> {
            LOG.log(System.Logger.Level.DEBUG, "route refresh or heartbeat failed: {0}", failure.toString());
            return null;
        });
    }

    /** Leaves every group (best effort, bounded by the request timeout), then closes the connections. */
    @Override
    public void close() {
        try {
            membership.leaveAll().get(requests.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "unregistering {0} failed: {1}", clientId, e.toString());
        }
        timer.shutdownNow();
        remoting.close();
    }
}

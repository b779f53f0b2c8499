package dev.bolide.client.jms.consumer;

import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.PullResult;
import dev.bolide.client.rocketmq.QueueProgress;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.remoting.ResponseCode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection's one member of a consumer group. Brokers allocate queues per client id, and all
 * consumers of a connection share its client id, so the connection joins each group once and this
 * reader hands what it pulls to the group's local consumers in turn ({@link DeliveryTarget}); a
 * message none of them selects waits here until one that does is added.
 *
 * <p>It pulls its share of the topic's queues and of the group's retry topic {@code %RETRY%group}
 * with long polls (the futures complete on the client's I/O thread, which only files the messages),
 * allocates again when the group's members change, and commits per queue the lowest offset not yet
 * acknowledged, {@linkplain #COMMIT_DELAY gathering} the acknowledgements of a moment in one commit.
 */
public final class GroupReader {
    private static final System.Logger LOG = System.getLogger(GroupReader.class.getName());
    private static final Duration LONG_POLL = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final int BATCH = 32;
    /**
     * How long acknowledgements gather before their queue's offset is committed: one request for
     * all of them instead of one each. A client that dies meanwhile has them redelivered (RocketMQ's
     * own consumers commit every 5 s); close and rebalancing commit at once.
     */
    private static final Duration COMMIT_DELAY = Duration.ofMillis(100);
    /** Messages pulled and not yet acknowledged above which pulling pauses. */
    private static final int MAX_OUTSTANDING = 1024;

    private final RocketMqClient client;
    private final String group;
    private final Subscription subscription;
    private final Subscription retrySubscription;
    private final StartPosition start;
    private final int maxRedeliveries;
    private final ScheduledExecutorService scheduler;
    private final Map<MessageQueue, QueueCursor> cursors = new ConcurrentHashMap<>();
    private final List<DeliveryTarget> targets = new CopyOnWriteArrayList<>();
    private final Deque<Delivery> unclaimed = new ArrayDeque<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    /** What the group's previous reader in this connection settled beyond its commit points. */
    private final Map<MessageQueue, SettledAhead> settledBefore = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    /** {@link #start} was called: the reader is a member of its group. */
    private boolean member;
    private boolean started;
    /** Whether the brokers of the subscribed topic were told of this member: not before it has a route. */
    private boolean joinedTopicBrokers;

    /**
     * @param start           where to begin in the queues of the first allocation; queues allocated
     *                        later (a topic created after the consumer) start at their beginning
     */
    public GroupReader(RocketMqClient client, String group, Subscription subscription, StartPosition start,
            int maxRedeliveries, ScheduledExecutorService scheduler) {
        this.client = client;
        this.group = group;
        this.subscription = subscription;
        this.retrySubscription = Subscription.all(retryTopic(group));
        this.start = start;
        this.maxRedeliveries = maxRedeliveries;
        this.scheduler = scheduler;
    }

    public static String retryTopic(String group) {
        return "%RETRY%" + group;
    }

    public static String deadLetterTopic(String group) {
        return "%DLQ%" + group;
    }

    public String group() {
        return group;
    }

    public Subscription subscription() {
        return subscription;
    }

    public boolean isOpen() {
        return open;
    }

    /** Joins the group and starts pulling its share; blocks until the first allocation is done. */
    public synchronized void start() {
        member = true;
        join();
        rebalance();
        started = true;
    }

    private void join() {
        client.joinConsumerGroup(group, List.of(subscription, retrySubscription));
        joinedTopicBrokers = hasRoute(subscription.topic());
    }

    private boolean hasRoute(String topic) {
        try {
            client.readQueues(topic);
            return true;
        } catch (RocketMqException e) {
            return false;
        }
    }

    /**
     * Takes over what the group's previous reader in this connection settled beyond its commit
     * points ({@link #close}): those messages are acknowledged again when pulled, not delivered.
     */
    public void skipSettled(Map<MessageQueue, SettledAhead> settled) {
        settledBefore.putAll(settled);
    }

    /**
     * Adds a local consumer, which also gets the messages no other consumer selected: those first,
     * in the order they were pulled, before anything pulled meanwhile (the reader starts pulling
     * before its first consumer is added).
     */
    public void add(DeliveryTarget target) {
        synchronized (unclaimed) {
            targets.add(target);
            List<Delivery> waiting = new ArrayList<>(unclaimed);
            unclaimed.clear();
            waiting.forEach(this::dispatch);
        }
    }

    /** Removes a local consumer; true when it was the last one (the caller then closes this reader). */
    public boolean remove(DeliveryTarget target) {
        targets.remove(target);
        return targets.isEmpty();
    }

    /**
     * Hands a delivery to the next local consumer that takes it; only a delivery taken moves the turn
     * on, so the consumers of a subscription share its messages alike whether or not its broker
     * filtered them. Deliveries are handed one at a time, so a consumer gets a queue's messages in
     * the order they were pulled, also while {@link #add} hands it those that waited.
     */
    public void dispatch(Delivery delivery) {
        synchronized (unclaimed) {
            List<DeliveryTarget> all = List.copyOf(targets);
            int first = Math.floorMod(turn.get(), Math.max(1, all.size()));
            for (int i = 0; i < all.size(); i++) {
                DeliveryTarget.Offer offer = all.get((first + i) % all.size()).offer(delivery);
                if (offer == DeliveryTarget.Offer.TAKEN) {
                    turn.incrementAndGet();
                    return;
                }
                if (offer == DeliveryTarget.Offer.SKIPPED) {
                    return;
                }
            }
            unclaimed.add(delivery);
        }
    }

    /** Allocates the queues again: starts pulling new ones, commits and drops lost ones. */
    public synchronized void rebalance() {
        if (!open || !member) {
            return;
        }
        if (!joinedTopicBrokers && hasRoute(subscription.topic())) {
            join(); // the topic appeared after the consumer: its brokers learn of the member now
        }
        Set<MessageQueue> allocated = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (String topic : List.of(subscription.topic(), retrySubscription.topic())) {
            allocation(topic).ifPresentOrElse(allocated::addAll, () -> unknown.add(topic));
        }
        for (MessageQueue queue : List.copyOf(cursors.keySet())) {
            if (!allocated.contains(queue) && !unknown.contains(queue.topic())) {
                QueueCursor lost = cursors.remove(queue);
                lost.deactivate();
                discardBuffered(lost);
                commit(lost);
            }
        }
        for (MessageQueue queue : allocated) {
            if (!cursors.containsKey(queue)) {
                QueueCursor cursor = new QueueCursor(queue, startOffset(queue));
                cursors.put(queue, cursor);
                scheduler.execute(() -> pull(cursor));
            }
        }
    }

    /**
     * Moves this member's pulls of the queues in {@code offsets} it reads now to those offsets (an
     * offset reset by an operator, stored by the broker already). Messages pulled from before are
     * still delivered; their acknowledgements no longer commit.
     */
    public synchronized void resetTo(Map<MessageQueue, Long> offsets) {
        offsets.forEach((queue, offset) -> {
            QueueCursor old = cursors.get(queue);
            if (old != null && open) {
                old.abandon();
                discardBuffered(old);
                QueueCursor cursor = new QueueCursor(queue, offset);
                cursors.put(queue, cursor);
                scheduler.execute(() -> pull(cursor));
            }
        });
    }

    /** Where this member stands in each queue it reads now (mqadmin {@code consumerStatus}). */
    public Map<MessageQueue, QueueProgress> progress() {
        Map<MessageQueue, QueueProgress> progress = new HashMap<>();
        cursors.forEach((queue, cursor) -> progress.put(queue, cursor.progress()));
        return progress;
    }

    /**
     * Takes back what was pulled from a queue this member no longer reads and is not delivered yet,
     * as RocketMQ drops a lost queue's process queue: the next reader starts at the committed
     * offset, below those messages, and delivers them itself.
     */
    private void discardBuffered(QueueCursor cursor) {
        int discarded = 0;
        for (DeliveryTarget target : targets) {
            discarded += target.discard(delivery -> delivery.cursor() == cursor);
        }
        synchronized (unclaimed) {
            for (var waiting = unclaimed.iterator(); waiting.hasNext();) {
                if (waiting.next().cursor() == cursor) {
                    waiting.remove();
                    discarded++;
                }
            }
        }
        outstanding.addAndGet(-discarded);
    }

    /**
     * This member's share of the topic's queues: none of an unknown topic (nothing sent to it yet, or
     * no retry yet), and empty when the brokers could not tell (a timeout, say), which keeps the queues
     * read now, as RocketMQ's rebalance skips such a topic: dropping them would throw away what was
     * pulled, and their commits could land after those of the next cursor. The next rebalance looks again.
     */
    private Optional<List<MessageQueue>> allocation(String topic) {
        try {
            return Optional.of(client.allocatedQueues(group, topic));
        } catch (RocketMqException e) {
            LOG.log(System.Logger.Level.DEBUG, "no queues of {0} for {1} now: {2}", topic, group, e.getMessage());
            return e.responseCode() == ResponseCode.TOPIC_NOT_EXIST ? Optional.of(List.of()) : Optional.empty();
        }
    }

    private long startOffset(MessageQueue queue) {
        boolean firstAllocation = !started && queue.topic().equals(subscription.topic());
        if (start == StartPosition.LAST && firstAllocation) {
            return client.maxOffset(queue);
        }
        long committed = client.committedOffset(group, queue);
        if (committed >= 0) {
            return committed;
        }
        return start == StartPosition.COMMITTED_OR_LAST && firstAllocation ? client.maxOffset(queue) : 0;
    }

    private void pull(QueueCursor cursor) {
        if (!open || !cursor.active()) {
            return;
        }
        if (outstanding.get() > MAX_OUTSTANDING) {
            scheduler.schedule(() -> pull(cursor), RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Subscription filter = cursor.queue().topic().equals(subscription.topic()) ? subscription : retrySubscription;
        client.pullAsync(PullRequest.of(group, cursor.queue(), cursor.nextOffset(), BATCH, LONG_POLL, filter))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        pullFailed(cursor, rocketMqFailure(failure));
                    } else {
                        pulled(cursor, result);
                    }
                });
    }

    private static RocketMqException rocketMqFailure(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RocketMqException known ? known : new RocketMqException(cause.toString(), cause);
    }

    private void pullFailed(QueueCursor cursor, RocketMqException failure) {
        if (!open) {
            return;
        }
        // a broker lost is reported by the client (RocketMqClient.onBrokerUnreachable), once, not per pull
        LOG.log(System.Logger.Level.DEBUG, "pull of {0} failed: {1}", cursor.queue(), failure.getMessage());
        scheduler.schedule(() -> pull(cursor), RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the I/O thread: files the messages and pulls again from the scheduler's thread. */
    private void pulled(QueueCursor cursor, PullResult result) {
        if (!open || !cursor.active()) {
            return;
        }
        SettledAhead settled = settledBefore.get(cursor.queue());
        List<Delivery> deliveries = new ArrayList<>();
        for (var message : result.messages()) {
            if (settled != null && settled.contains(message.queueOffset())) {
                continue; // acknowledged through the previous reader: only the commit point moves past it
            }
            cursor.pulled(message.queueOffset());
            outstanding.incrementAndGet();
            deliveries.add(new Delivery(message, this, cursor, 0));
        }
        cursor.moveTo(result.nextBeginOffset());
        deliveries.forEach(this::dispatch);
        if (deliveries.isEmpty()) {
            commit(cursor);
        }
        scheduler.execute(() -> pull(cursor));
    }

    void acknowledge(Delivery delivery) {
        QueueCursor cursor = delivery.cursor();
        cursor.acknowledged(delivery.message().queueOffset());
        outstanding.decrementAndGet();
        if (cursor.scheduleCommit()) {
            scheduler.schedule(() -> commit(cursor), COMMIT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Commits the queue's point unless a commit of it is in flight; when that one is answered, the
     * point that moved meanwhile is committed next (so the last commit of {@link #close} is never
     * lost to one in flight), and a point that failed is sent again after a pause while this member is open.
     */
    private void commit(QueueCursor cursor) {
        long point = cursor.commitPoint();
        if (point < 0) {
            return;
        }
        client.commitOffsetAsync(group, cursor.queue(), point).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.DEBUG, "commit of {0} failed: {1}", cursor.queue(), failure.toString());
            }
            if (cursor.commitAnswered(point, failure == null) && (failure == null || open)) {
                schedule(() -> commit(cursor), failure == null ? Duration.ZERO : RETRY_PAUSE);
            }
        });
    }

    /** Runs {@code task} on the scheduler, unless the connection closed it meanwhile. */
    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the connection is closing: its readers commit no more
        }
    }

    /** Moves a message delivered too often to {@code %DLQ%group}. */
    public void sendToDeadLetters(Delivery delivery) {
        client.sendBack(group, delivery.message(), -1, maxRedeliveries);
        acknowledge(delivery);
    }

    public int maxRedeliveries() {
        return maxRedeliveries;
    }

    /**
     * Stops pulling and leaves the group. Messages pulled and not acknowledged stay uncommitted: the
     * group's next reader gets them again.
     *
     * @return per queue, what was acknowledged above the offset committed, for the group's next
     *         reader in this connection to {@linkplain #skipSettled skip}
     */
    public synchronized Map<MessageQueue, SettledAhead> close() {
        if (!open) {
            return Map.of();
        }
        open = false;
        Map<MessageQueue, SettledAhead> settled = new HashMap<>();
        cursors.values().forEach(cursor -> {
            cursor.deactivate();
            cursor.settledAhead().ifPresent(ahead -> settled.put(cursor.queue(), ahead));
            commit(cursor);
        });
        cursors.clear();
        try {
            client.leaveConsumerGroup(group);
        } catch (RocketMqException e) {
            LOG.log(System.Logger.Level.DEBUG, "leaving {0} failed: {1}", group, e.getMessage());
        }
        return settled;
    }
}

package dev.bolide.broker.registration;

import dev.bolide.broker.namesrv.BrokerIdentity;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.topic.VersionedTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Keeps a broker registered with its name servers: its whole topic table goes to every one of
 * them at start, then every period (name servers drop brokers silent for 120 s) and after every
 * topic change; {@link #close()} unregisters it. A name server that cannot be reached never stops
 * the broker: the failure is logged and the next period tries again.
 */
public final class NameServerRegistration implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NameServerRegistration.class.getName());
    /** How long start and close wait for the name servers (each request times out sooner). */
    private static final Duration WAIT = RemoteNameServer.TIMEOUT.plusSeconds(1);

    private final BrokerIdentity broker;
    private final TopicConfigTable topics;
    private final IntSupplier brokerPermission;
    private final List<NameServerEndpoint> nameServers;
    private final Duration period;
    private final Consumer<RegistrationAnswer> answers;
    /** Whether the last request to each name server failed, so that a down one is reported once. */
    private final Map<NameServerEndpoint, Boolean> failing = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> periodic;
    /** What the name servers last answered this broker as a slave: its master; null until then, or for a master. */
    private volatile RegistrationAnswer master;
    private volatile boolean closed;

    private NameServerRegistration(BrokerIdentity broker, TopicConfigTable topics, IntSupplier brokerPermission,
            List<NameServerEndpoint> nameServers, Duration period, Consumer<RegistrationAnswer> answers) {
        this.broker = broker;
        this.topics = topics;
        this.brokerPermission = brokerPermission;
        this.nameServers = List.copyOf(nameServers);
        this.period = period;
        this.answers = answers;
    }

    /**
     * Registers {@code broker} with every name server (waiting a few seconds at most, so that the
     * reachable ones know the broker when this returns), then keeps it registered.
     *
     * @param brokerPermission RocketMQ's {@code brokerPermission} now: without read or write, every
     *        topic is registered with it
     * @param scheduler runs the periodic registration
     * @param answers told, after every round, the answer of the first name server (in the order
     *        given) that accepted the registration, as RocketMQ takes one: a slave learns its master there
     */
    public static NameServerRegistration start(BrokerIdentity broker, TopicConfigTable topics,
            IntSupplier brokerPermission,
            List<NameServerEndpoint> nameServers, Duration period, ScheduledExecutorService scheduler,
            Consumer<RegistrationAnswer> answers) throws InterruptedException {
        NameServerRegistration registration = new NameServerRegistration(broker, topics, brokerPermission,
                nameServers, period, answers);
        topics.onChange(registration::registerAll);
        await(registration.registerAll());
        registration.periodic = scheduler.scheduleWithFixedDelay(registration::registerAll, period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
        return registration;
    }

    /**
     * Sends the current topic table to every name server. Never throws (a periodic task that
     * throws is never run again); the future completes when every name server answered or failed.
     */
    public CompletableFuture<Void> registerAll() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            VersionedTopics table = topics.snapshot().registeredWith(brokerPermission.getAsInt());
            List<CompletableFuture<RegistrationAnswer>> round = everyNameServer("register " + broker.brokerName()
                    + " with", nameServer -> nameServer.register(broker, table));
            return CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).thenRun(() -> round.stream()
                    .map(CompletableFuture::join).filter(Objects::nonNull).findFirst().ifPresent(this::answered));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot register " + broker.brokerName() + " with its name servers", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Each name server's answer, null for one that failed (logged). */
    private <T> List<CompletableFuture<T>> everyNameServer(String action,
            Function<NameServerEndpoint, CompletableFuture<T>> request) {
        return nameServers.stream().map(nameServer -> request.apply(nameServer).handle((answer, failure) -> {
            outcome(nameServer, action, failure);
            return failure == null ? answer : null;
        })).toList();
    }

    private void answered(RegistrationAnswer answer) {
        learn(answer);
        answers.accept(answer);
    }

    /** As RocketMQ's slave: the last answer naming the master's HA address wins. */
    private void learn(RegistrationAnswer answered) {
        RegistrationAnswer known = master;
        if (answered.haServerAddr() != null && !answered.equals(known)) {
            LOG.log(System.Logger.Level.INFO, "name server answers: master of {0} at {1}, HA at {2}",
                    broker.brokerName(), answered.masterAddr(), answered.haServerAddr());
            master = answered;
        }
    }

    /** The master's HA address as a name server last answered this slave's registration; null while unknown. */
    public String masterHaServerAddr() {
        RegistrationAnswer known = master;
        return known == null ? null : known.haServerAddr();
    }

    private void outcome(NameServerEndpoint nameServer, String action, Throwable failure) {
        boolean wasFailing = Boolean.TRUE.equals(failing.put(nameServer, failure != null));
        if (failure != null && !wasFailing) {
            LOG.log(System.Logger.Level.WARNING, "cannot {0} {1} (the broker goes on; registration is retried every {2} s): {3}",
                    action, nameServer, period.toSeconds(), describe(failure));
        } else if (failure != null) {
            LOG.log(System.Logger.Level.DEBUG, "still cannot {0} {1}: {2}", action, nameServer, describe(failure));
        } else if (wasFailing) {
            LOG.log(System.Logger.Level.INFO, "{0} reached again", nameServer);
        }
    }

    private static String describe(Throwable failure) {
        return (failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure)
                .toString();
    }

    private static void await(CompletableFuture<Void> round) throws InterruptedException {
        try {
            round.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // every failure was logged with its name server; the broker goes on without it
        }
    }

    /** Stops registering and unregisters the broker from every name server, waiting a few seconds at most. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
        await(CompletableFuture.allOf(everyNameServer("unregister " + broker.brokerName() + " from",
                nameServer -> nameServer.unregister(broker)).toArray(CompletableFuture[]::new)));
    }
}

package dev.bolide.broker.transaction;

import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.pull.HeldOffsets;
import dev.bolide.broker.retry.RetryTopics;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.ha.Writes;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The broker's transactional messages: recovers what is open from the store at start, serves
 * END_TRANSACTION, and runs the check pass every {@code transactionCheckInterval}.
 */
public final class TransactionService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionService.class.getName());
    private static final String PROGRESS_FILE = "transactionProgress.json";
    private static final String CROSS_BROKER_FILE = "crossBrokerTransactions.log";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bolide-transaction-check");
        thread.setDaemon(true);
        return thread;
    });
    /** Its own thread: asking a coordinator that is down must not hold up the check pass. */
    private final ScheduledExecutorService resolving = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bolide-cross-broker-resolution");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService crossBrokerLogWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bolide-cross-broker-log");
        thread.setDaemon(true);
        return thread;
    });
    private final TransactionChecker checker;
    private final EndTransactionProcessor endTransaction;
    private RequestProcessor branchRequests;
    private ParticipantResolver participants;
    private CrossBrokerLog crossBrokerLog;
    private final TransactionSettings settings;
    private final BranchCoordinator branches;
    private final UndecidedTransactions undecided;
    private final PendingHalves pending;
    private final HeldReceipts held;
    private final Clock clock;

    private TransactionService(TransactionChecker checker, EndTransactionProcessor endTransaction,
            BranchCoordinator branches, UndecidedTransactions undecided, PendingHalves pending, HeldReceipts held,
            TransactionSettings settings, Clock clock) {
        this.checker = checker;
        this.clock = clock;
        this.settings = settings;
        this.endTransaction = endTransaction;
        this.branchRequests = new BranchProcessor(branches);
        this.branches = branches;
        this.undecided = undecided;
        this.pending = pending;
        this.held = held;
    }

    /**
     * Recovers the open transactions of {@code store} and starts checking them back.
     *
     * @param writes    how commits, rollbacks and XA decisions are waited for before they are answered
     * @param configDir where the check progress is saved
     * @param offsets   the groups' committed offsets, past which messages received in XA branches need no holding
     * @param retries   where messages received in an XA branch that rolls back are given back to their group
     * @param clock     what the check-back and XA branch timeouts are measured on (the broker's clock)
     */
    public static TransactionService start(MessageStore store, Writes writes, TopicConfigTable topics,
            ProducerGroups producers, TransactionSettings settings, Path configDir, CommitRouting routing,
            ConsumerOffsets offsets, RetryTopics retries, Clock clock) throws IOException {
        if (topics.find(TransactionTopics.CHECK_MAX_TIME).isEmpty()) {
            // readable, so that what was moved aside can be listed by pulling it
            topics.put(TopicConfig.of(TransactionTopics.CHECK_MAX_TIME, 1));
        }
        MetadataFile progressFile = new MetadataFile(configDir.resolve(PROGRESS_FILE));
        TransactionProgress saved = TransactionProgress.load(progressFile);
        OpenTransactions open = new OpenTransactions(startOffset(store, saved));
        BranchMembers members = new BranchMembers();
        // before recovery reads the half queue, so that no half message falls between the two
        store.addAppendListener(members::appended);
        store.addDispatchListener(members::dispatched);
        PendingHalves pending = new PendingHalves();
        HeldReceipts held = new HeldReceipts(offsets);
        BranchCoordinator branches = new BranchCoordinator(store, writes, open, new BranchTable(), members, pending,
                settings, routing, clock, held, new ReleasedReceipts(store, retries));
        recover(store, saved, open, branches);
        // after recovery: nothing sends to the half or op queue before the broker serves requests
        pending.recovered(open.unresolved() - branches.settledMembers());
        store.addAppendListener(pending::appended);
        TransactionResolver resolver = new TransactionResolver(store, writes, open, routing);
        TransactionChecker checker = new TransactionChecker(store, open, resolver, new CheckBackSender(producers),
                branches, settings, progressFile, clock);
        TransactionService service = new TransactionService(checker, new EndTransactionProcessor(store, resolver),
                branches, new UndecidedTransactions(store, open, resolver), pending, held, settings, clock);
        long interval = settings.transactionCheckInterval().toMillis();
        service.scheduler.scheduleWithFixedDelay(service::checkOnce, interval, interval, TimeUnit.MILLISECONDS);
        return service;
    }

    /** Where the check pass continues: the saved offset, within what the half queue holds. */
    private static long startOffset(MessageStore store, TransactionProgress saved) {
        SystemQueue halfQueue = new SystemQueue(store, TransactionTopics.HALF);
        // the saved offset can only be ahead of the queue if the CommitLog lost its tail
        return Math.min(Math.max(saved.halfOffset(), halfQueue.minOffset()), halfQueue.endOffset());
    }

    /**
     * Fills {@code open} and {@code branches} as the store holds them: every transaction and branch
     * with a half record after the progress, resolved (or prepared) when an op record from the saved op
     * offset on says so.
     */
    private static void recover(MessageStore store, TransactionProgress saved, OpenTransactions open,
            BranchCoordinator branches) {
        SystemQueue halfQueue = new SystemQueue(store, TransactionTopics.HALF);
        SystemQueue opQueue = new SystemQueue(store, TransactionTopics.OP);
        halfQueue.read(open.progress(), halfQueue.endOffset(), (record, view) -> HalfRecord.of(record).ifPresent(half -> {
            open.sighted(half.transactionKey(), half.queueOffset());
            if (half.branch() != null) {
                branches.sighted(half);
            }
        }));
        opQueue.read(saved.opOffset(), opQueue.endOffset(), (record, view) -> {
            if (BranchOpRecord.isBranchRecord(view)) {
                branches.recorded(BranchOpRecord.read(view), view.queueOffset(), view.storeTimestamp());
            } else {
                open.resolvedEarlier(OpRecord.read(view), view.queueOffset());
            }
        });
        LOG.log(System.Logger.Level.INFO, "{0} transactions open or awaiting their check pass, from half queue offset {1}",
                open.size(), open.progress());
    }

    /** One check pass now (the scheduler runs one every {@code transactionCheckInterval}). */
    void checkOnce() {
        try {
            checker.checkOnce();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "transaction check pass failed", e);
        }
    }

    /** The messages received in XA branches that pulls of their groups skip. */
    public HeldOffsets heldOffsets() {
        return held;
    }

    /** The processor for END_TRANSACTION. */
    public RequestProcessor endTransactionProcessor() {
        return endTransaction;
    }

    /**
     * Makes local transactions that span brokers atomic (BRANCH_OUTCOME): from now on this broker
     * keeps the decisions of the transactions it coordinates, and asks their coordinators about the
     * branches it prepared that their client left. Call before the broker serves requests.
     *
     * @param brokerName this broker's name, by which clients and coordinators know it
     * @param outbound   opens the connection through which this broker asks coordinators, at the first need
     * @param configDir  where the decisions and coordinators are kept
     */
    public void coordinateAcrossBrokers(String brokerName, Supplier<RemotingClient> outbound, Path configDir)
            throws IOException {
        crossBrokerLog = CrossBrokerLog.open(configDir.resolve(CROSS_BROKER_FILE), clock);
        CrossBrokerLog log = crossBrokerLog;
        branchRequests = new CrossBrokerRequests(branchRequests, branches, log, crossBrokerLogWriter);
        participants = new ParticipantResolver(brokerName, branches, log, outbound, settings.transactionTimeout(),
                clock);
        long interval = settings.transactionCheckInterval().toMillis();
        resolving.scheduleWithFixedDelay(() -> {
            participants.resolveOnce();
            expireDecisions();
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Forgets the decisions older than {@code crossBrokerDecisionReservedTime} some participant never confirmed. */
    void expireDecisions() {
        try {
            for (UnconfirmedDecision expired : crossBrokerLog.expire(settings.crossBrokerDecisionReservedTime())) {
                LOG.log(System.Logger.Level.WARNING, "the commit of local transaction {0}, decided {1} ms ago, was "
                        + "never confirmed by {2}: forgotten after crossBrokerDecisionReservedTime {3}; asking now, "
                        + "they would be answered ROLLBACK", expired.branch(), clock.millis() - expired.decidedAt(),
                        expired.waitingFor(), settings.crossBrokerDecisionReservedTime());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot expire cross-broker transaction decisions", e);
        }
    }

    /**
     * The commit decisions of local transactions across brokers this broker coordinated that some
     * participant has not confirmed, oldest first; none when it coordinates none.
     */
    public List<UnconfirmedDecision> unconfirmedDecisions() {
        return crossBrokerLog == null ? List.of() : crossBrokerLog.unconfirmed();
    }

    /**
     * The branches this broker prepared as participant of local transactions across brokers that
     * still need their coordinator: in doubt while PREPARED, else waiting to report that they are over.
     */
    public List<CoordinatedBranch> branchesAwaitingCoordinators() {
        if (crossBrokerLog == null) {
            return List.of();
        }
        return crossBrokerLog.coordinators().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new CoordinatedBranch(entry.getKey(), entry.getValue(), branches.state(entry.getKey())
                        .map(BranchState::name).orElse("UNKNOWN"))).toList();
    }

    /** The processor for the XA branch requests ({@link BranchProcessor#CODES}). */
    public RequestProcessor branchProcessor() {
        return branchRequests;
    }

    /**
     * The XA branches the broker holds, by the name of their state, every state listed: the open and
     * prepared ones, and those decided lately (kept so that a repeated request gets the same answer).
     */
    public Map<String, Long> branchesByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        branches.countByState().forEach((state, count) -> counts.put(state.name(), count));
        return counts;
    }

    /** The transactions producers have not decided, for an operator to see and decide. */
    public UndecidedTransactions undecided() {
        return undecided;
    }

    /**
     * How many transactions, XA branch members among them, have a half message and are neither
     * committed, rolled back nor moved aside: exact, and read without a look at the store.
     */
    public long halfPending() {
        return pending.count();
    }

    /** The XA branches XA recover lists, for an operator to see. */
    public List<InDoubtBranch> inDoubtBranches() {
        return branches.inDoubt();
    }

    /**
     * Commits or rolls back a prepared XA branch by hand, for a transaction manager gone for good:
     * its messages are delivered or discarded, and the branch is heuristic (HEURISTIC_COMMITTED or
     * HEURISTIC_ROLLED_BACK): recover lists it and the manager's own decision is answered with the
     * heuristic one, until the manager or an operator forgets it ({@link #forgetBranch}).
     *
     * @return completes with null once decided, else with why not (the branch's state)
     */
    public CompletableFuture<String> decideBranch(String branch, boolean commit) {
        return settledRefusal(branches.decideByHand(branch, commit));
    }

    /**
     * Forgets a branch decided heuristically, as its transaction manager's BRANCH_FORGET does.
     *
     * @return completes with null once forgotten, else with why not (the branch's state)
     */
    public CompletableFuture<String> forgetBranch(String branch) {
        return settledRefusal(branches.forget(branch));
    }

    private CompletableFuture<String> settledRefusal(BranchCoordinator.Answer answer) {
        return branches.settled(answer).thenApply(settled -> settled.code() == ResponseCode.SUCCESS ? null
                : settled.remark());
    }

    private void closeCrossBrokerLog() {
        try {
            if (crossBrokerLogWriter.awaitTermination(10, TimeUnit.SECONDS) && crossBrokerLog != null) {
                crossBrokerLog.close();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close the cross-broker transaction journal", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request codes {@link #branchProcessor()} serves. */
    public static int[] branchRequestCodes() {
        int[] codes = Arrays.copyOf(BranchProcessor.CODES, BranchProcessor.CODES.length + 1);
        codes[codes.length - 1] = BolideRequestCode.BRANCH_OUTCOME;
        return codes;
    }

    /** Stops checking and saves the progress; call before the store closes. */
    @Override
    public void close() {
        resolving.shutdownNow();
        crossBrokerLogWriter.shutdown();
        closeCrossBrokerLog();
        if (participants != null) {
            participants.close();
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the transaction check pass did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checker.saveProgress();
    }
}

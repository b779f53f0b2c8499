package dev.bolide.broker.transaction;

import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The broker's transactional messages: recovers what is open from the store at start, serves
 * END_TRANSACTION, and runs the check pass every {@code transactionCheckInterval}.
 */
public final class TransactionService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionService.class.getName());
    private static final String PROGRESS_FILE = "transactionProgress.json";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bolide-transaction-check");
        thread.setDaemon(true);
        return thread;
    });
    private final TransactionChecker checker;
    private final EndTransactionProcessor endTransaction;

    private TransactionService(TransactionChecker checker, EndTransactionProcessor endTransaction) {
        this.checker = checker;
        this.endTransaction = endTransaction;
    }

    /**
     * Recovers the open transactions of {@code store} and starts checking them back.
     *
     * @param configDir where the check progress is saved
     */
    public static TransactionService start(MessageStore store, TopicConfigTable topics, ProducerGroups producers,
            TransactionSettings settings, Path configDir) throws IOException {
        if (topics.find(TransactionTopics.CHECK_MAX_TIME).isEmpty()) {
            // readable, so that what was moved aside can be listed by pulling it
            topics.put(TopicConfig.of(TransactionTopics.CHECK_MAX_TIME, 1));
        }
        MetadataFile progressFile = new MetadataFile(configDir.resolve(PROGRESS_FILE));
        OpenTransactions open = recover(store, TransactionProgress.load(progressFile));
        TransactionResolver resolver = new TransactionResolver(store, open);
        TransactionChecker checker = new TransactionChecker(store, open, resolver, new CheckBackSender(producers),
                settings, progressFile, Clock.systemUTC());
        TransactionService service = new TransactionService(checker, new EndTransactionProcessor(store, resolver));
        long interval = settings.transactionCheckInterval().toMillis();
        service.scheduler.scheduleWithFixedDelay(service::checkOnce, interval, interval, TimeUnit.MILLISECONDS);
        return service;
    }

    /**
     * The open transactions as the store holds them: every transaction with a half record after
     * the saved progress, resolved when an op record from the saved op offset on says so.
     */
    private static OpenTransactions recover(MessageStore store, TransactionProgress saved) {
        SystemQueue halfQueue = new SystemQueue(store, TransactionTopics.HALF);
        SystemQueue opQueue = new SystemQueue(store, TransactionTopics.OP);
        long halfEnd = halfQueue.endOffset();
        // the saved offset can only be ahead of the queue if the CommitLog lost its tail
        long progress = Math.min(Math.max(saved.halfOffset(), halfQueue.minOffset()), halfEnd);
        OpenTransactions open = new OpenTransactions(progress);
        halfQueue.read(progress, halfEnd, (record, view) -> HalfRecord.of(record)
                .ifPresent(half -> open.sighted(half.transactionKey(), half.queueOffset())));
        opQueue.read(saved.opOffset(), opQueue.endOffset(),
                (record, view) -> open.resolvedEarlier(OpRecord.read(view), view.queueOffset()));
        LOG.log(System.Logger.Level.INFO, "{0} transactions open or awaiting their check pass, from half queue offset {1}",
                open.size(), progress);
        return open;
    }

    /** One check pass now (the scheduler runs one every {@code transactionCheckInterval}). */
    void checkOnce() {
        try {
            checker.checkOnce();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "transaction check pass failed", e);
        }
    }

    /** The processor for END_TRANSACTION. */
    public RequestProcessor endTransactionProcessor() {
        return endTransaction;
    }

    /** Stops checking and saves the progress; call before the store closes. */
    @Override
    public void close() {
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

package dev.bolide.broker.transaction;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * The check pass, run every {@code transactionCheckInterval}: walks the half queue from the
 * progress offset to where it ended when the pass began, and for the newest half record of each
 * open transaction that is old enough, either checks it back (after appending a copy that counts
 * the check, so the pass can move on) or, after {@code transactionCheckMax} check-backs, moves it
 * aside. The progress offset stops at the first transaction that is too young to check, and is
 * saved, with the op offset recovery needs, at the end of every pass.
 */
final class TransactionChecker {
    private static final System.Logger LOG = System.getLogger(TransactionChecker.class.getName());

    /** What a pass did with a half record. */
    private enum Outcome {
        /** Nothing more to do with this record. */
        PASSED,
        /** The record holds the progress offset back: a later pass looks at it again. */
        WAITING
    }

    private final MessageStore store;
    private final OpenTransactions open;
    private final TransactionResolver resolver;
    private final CheckBackSender sender;
    private final BranchCoordinator branches;
    private final TransactionSettings settings;
    private final MetadataFile progressFile;
    private final Clock clock;
    private final SystemQueue halfQueue;
    private final SystemQueue opQueue;

    TransactionChecker(MessageStore store, OpenTransactions open, TransactionResolver resolver, CheckBackSender sender,
            BranchCoordinator branches, TransactionSettings settings, MetadataFile progressFile, Clock clock) {
        this.store = store;
        this.open = open;
        this.resolver = resolver;
        this.sender = sender;
        this.branches = branches;
        this.settings = settings;
        this.progressFile = progressFile;
        this.clock = clock;
        this.halfQueue = new SystemQueue(store, TransactionTopics.HALF);
        this.opQueue = new SystemQueue(store, TransactionTopics.OP);
    }

    /** One pass over the half queue, then the progress saved. */
    void checkOnce() {
        Pass pass = new Pass(clock.millis(), halfQueue.endOffset());
        halfQueue.read(open.progress(), pass.end, pass::visit);
        if (settings.xaEnabled()) {
            branches.expireWithoutMessages(pass.now);
        }
        long opOffset = open.advance(pass.firstWaiting, opQueue.endOffset());
        save(new TransactionProgress(open.progress(), branches.advance(open.progress(), opOffset)));
    }

    /** One walk over the half queue, up to where it ended when the pass began. */
    private final class Pass {
        private final long now;
        private final long end;
        /** Where the progress offset stops: the first record a later pass must look at again. */
        private long firstWaiting;

        Pass(long now, long end) {
            this.now = now;
            this.end = end;
            this.firstWaiting = end;
        }

        void visit(ByteBuffer record, MessageRecordView view) {
            if (examine(record, now) == Outcome.WAITING) {
                firstWaiting = Math.min(firstWaiting, view.queueOffset());
            }
        }
    }

    /** Saves the progress as it stands (at shutdown). */
    void saveProgress() {
        long opOffset = open.advance(open.progress(), opQueue.endOffset());
        save(new TransactionProgress(open.progress(), branches.advance(open.progress(), opOffset)));
    }

    private void save(TransactionProgress progress) {
        try {
            progress.save(progressFile);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot save the transaction check progress", e);
        }
    }

    private Outcome examine(ByteBuffer record, long now) {
        try {
            HalfRecord half = HalfRecord.of(record).orElseThrow();
            if (settings.xaEnabled() && half.branch() != null && !open.isResolved(half.transactionKey())) {
                // a branch is decided by its transaction manager, never checked back
                return branches.holdsBack(half, now) ? Outcome.WAITING : Outcome.PASSED;
            }
            return switch (open.sighted(half.transactionKey(), half.queueOffset())) {
                case RESOLVED, SUPERSEDED -> Outcome.PASSED;
                case LIVE -> whenDue(half, now);
            };
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot check a half message; it will be looked at again", e);
            return Outcome.WAITING;
        }
    }

    private Outcome whenDue(HalfRecord half, long now) {
        OptionalLong ownImmunity = half.ownImmunityMillis();
        long age = now - half.bornTimestamp();
        // a birth time in the future (a producer's clock ahead of ours) does not delay the check
        if (age >= 0 && age < ownImmunity.orElse(settings.transactionTimeout().toMillis())) {
            // without an immunity of its own, everything after it is as young: it holds progress back;
            // one that asked for a long immunity is copied forward so that it does not
            return ownImmunity.isPresent() ? postpone(half) : Outcome.WAITING;
        }
        if (half.checkTimes() >= settings.transactionCheckMax()) {
            return moveAside(half);
        }
        return checkBack(half);
    }

    private Outcome postpone(HalfRecord half) {
        appendCopy(half, half.checkedCopy(half.checkTimes()));
        return Outcome.PASSED;
    }

    private Outcome checkBack(HalfRecord half) {
        AppendedMessage copy = appendCopy(half, half.checkedCopy(half.checkTimes() + 1));
        if (open.isResolved(half.transactionKey())) {
            return Outcome.PASSED;
        }
        HalfRecord checked = HalfRecord.of(store.lookupMessage(copy.physicalOffset())).orElseThrow();
        sender.send(checked);
        return Outcome.PASSED;
    }

    /** Appends a newer half record of the transaction; the older one is superseded. */
    private AppendedMessage appendCopy(HalfRecord half, MessageToStore copy) {
        AppendedMessage appended = store.append(copy).messages().get(0);
        open.copied(half.transactionKey(), appended.queueOffset());
        return appended;
    }

    private Outcome moveAside(HalfRecord half) {
        if (resolver.resolve(half, Resolution.MOVED_ASIDE).join()) {
            LOG.log(System.Logger.Level.WARNING, "{0} was checked back {1} times without a decision; it was moved to {2}",
                    half, half.checkTimes(), TransactionTopics.CHECK_MAX_TIME);
        }
        return Outcome.PASSED;
    }
}

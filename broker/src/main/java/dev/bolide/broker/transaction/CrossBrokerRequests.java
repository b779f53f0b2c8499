package dev.bolide.broker.transaction;

import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.BolideResponseCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The branch requests of local transactions that span brokers ({@link BolideRequestCode#BRANCH_OUTCOME}),
 * in front of {@link BranchProcessor}: a prepare naming its {@code coordinator} has it written down first;
 * a one-phase commit naming its {@code participants} is the transaction's decision, written down once
 * the branch is committed; BRANCH_OUTCOME answers a participant. Local transactions are those of
 * transacted sessions and of the resource adapter ({@link BranchId#isLocal()}). Every other request,
 * and every branch of an XA transaction manager, goes through unchanged.
 */
final class CrossBrokerRequests implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(CrossBrokerRequests.class.getName());

    /** What BRANCH_OUTCOME answers in ext field {@code outcome}. */
    enum Outcome { COMMIT, ROLLBACK, UNKNOWN }

    private final RequestProcessor branchRequests;
    private final BranchCoordinator branches;
    private final CrossBrokerLog log;
    /** Where the log is written: forced writes, kept off the threads that serve requests and flush the store. */
    private final Executor writer;

    CrossBrokerRequests(RequestProcessor branchRequests, BranchCoordinator branches, CrossBrokerLog log,
            Executor writer) {
        this.branchRequests = branchRequests;
        this.branches = branches;
        this.log = log;
        this.writer = writer;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception {
        String coordinator = request.field("coordinator");
        String participants = request.field("participants");
        boolean crossBroker = request.code() == BolideRequestCode.BRANCH_OUTCOME
                || request.code() == BolideRequestCode.BRANCH_PREPARE && coordinator != null
                || request.code() == BolideRequestCode.BRANCH_COMMIT && participants != null;
        if (!crossBroker) {
            return branchRequests.process(channel, request);
        }
        String branch;
        try {
            branch = localBranch(request.requiredField("branch"));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(refusal(request, e.getMessage()));
        }
        return switch (request.code()) {
            case BolideRequestCode.BRANCH_PREPARE -> CompletableFuture.runAsync(() -> write(() ->
                    log.coordinatedBy(branch, coordinator)), writer).thenCompose(written -> passOn(channel, request));
            case BolideRequestCode.BRANCH_COMMIT -> passOn(channel, request).thenApplyAsync(answer -> {
                if (answer.code() == ResponseCode.SUCCESS) {
                    write(() -> log.committed(branch, names(participants)));
                }
                return answer;
            }, writer);
            default -> outcome(request, branch);
        };
    }

    private CompletableFuture<RemotingCommand> passOn(Channel channel, RemotingCommand request) {
        try {
            return branchRequests.process(channel, request);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<RemotingCommand> outcome(RemotingCommand request, String branch) {
        String applied = request.field("applied");
        if (applied != null) {
            // a report, not a question: it must not roll back a branch still open
            write(() -> log.applied(branch, names(applied)));
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                    null, null));
        }
        return decide(branch).thenApply(outcome -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                Map.of("outcome", outcome.name()), null));
    }

    /**
     * The outcome of the transaction whose coordinator this broker is. Presumed abort: without a
     * commit decision it rolled back; an open branch is rolled back now, so that a commit still on
     * its way is refused and cannot contradict the answer.
     */
    private CompletableFuture<Outcome> decide(String branch) {
        if (log.isCommitted(branch)) {
            return CompletableFuture.completedFuture(Outcome.COMMIT);
        }
        Optional<BranchState> state = branches.state(branch);
        if (state.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.ROLLBACK);
        }
        return switch (state.get()) {
            case COMMITTED, HEURISTIC_COMMITTED -> CompletableFuture.completedFuture(Outcome.COMMIT);
            case PREPARED -> CompletableFuture.completedFuture(Outcome.UNKNOWN);
            case OPEN -> branches.settled(branches.rollback(branch)).thenApply(rolledBack -> switch (rolledBack.code()) {
                case ResponseCode.SUCCESS -> Outcome.ROLLBACK;
                case BolideResponseCode.BRANCH_COMMITTED -> Outcome.COMMIT;
                default -> Outcome.UNKNOWN;
            });
            default -> CompletableFuture.completedFuture(Outcome.ROLLBACK);
        };
    }

    /**
     * The branch id's text, for the branch of a local transaction only (a transacted session's or the
     * resource adapter's, {@link BranchId#isLocal()}): XA branches have their transaction manager.
     */
    static String localBranch(String text) {
        BranchId id = BranchId.parse(text);
        if (!id.isLocal()) {
            throw new IllegalArgumentException("branch " + text + " is not a local transaction's (format "
                    + BranchId.LOCAL_FORMAT_ID + " or " + BranchId.ADAPTER_LOCAL_FORMAT_ID
                    + "): its transaction manager decides it");
        }
        return id.text();
    }

    static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    private static RemotingCommand refusal(RemotingCommand request, String why) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, why, null, null);
    }

    private interface Write {
        void run() throws IOException;
    }

    /** A write the answer depends on: a failure fails the request rather than answering as if it were kept. */
    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot write the cross-broker transaction file", e);
            throw new UncheckedIOException(e);
        }
    }
}

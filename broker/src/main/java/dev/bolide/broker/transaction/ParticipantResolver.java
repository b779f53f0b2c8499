package dev.bolide.broker.transaction;

import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finishes, without the client, the branches this broker prepared for local transactions that
 * spanned brokers: a branch still prepared {@code transactionTimeout} after its prepare (its client
 * died or lost the connection between prepare and commit) is committed or rolled back as its
 * coordinator answers BRANCH_OUTCOME. A branch that is over, however, is reported to its coordinator
 * as applied, so that the coordinator forgets its decision, and then forgotten here. Runs every
 * {@code transactionCheckInterval}, one pass at a time.
 */
final class ParticipantResolver {
    private static final System.Logger LOG = System.getLogger(ParticipantResolver.class.getName());
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final String brokerName;
    private final BranchCoordinator branches;
    private final CrossBrokerLog log;
    private final Supplier<RemotingClient> outbound;
    private final Duration timeout;
    private final Clock clock;
    private RemotingClient client;

    /** @param outbound opens the connection to coordinators, at the first need */
    ParticipantResolver(String brokerName, BranchCoordinator branches, CrossBrokerLog log,
            Supplier<RemotingClient> outbound, Duration timeout, Clock clock) {
        this.brokerName = brokerName;
        this.branches = branches;
        this.log = log;
        this.outbound = outbound;
        this.timeout = timeout;
        this.clock = clock;
    }

    synchronized void resolveOnce() {
        for (Map.Entry<String, String> entry : log.coordinators().entrySet()) {
            try {
                resolve(entry.getKey(), entry.getValue());
            } catch (RuntimeException | IOException e) {
                LOG.log(System.Logger.Level.WARNING, "local transaction branch {0}: its coordinator {1} could not "
                        + "settle it ({2}); asking again at the next pass", entry.getKey(), entry.getValue(),
                        e);
            }
        }
    }

    private void resolve(String branch, String coordinator) throws IOException {
        Optional<BranchState> state = branches.state(branch);
        if (state.isPresent() && state.get() == BranchState.OPEN) {
            return;
        }
        if (state.isPresent() && state.get() == BranchState.PREPARED) {
            if (clock.millis() - branches.since(branch) >= timeout.toMillis()) {
                apply(branch, ask(coordinator, Map.of("branch", branch)));
            }
            return;
        }
        RemotingCommand confirmed = call(coordinator, Map.of("branch", branch, "applied", brokerName));
        // an Apache RocketMQ coordinator (REQUEST_CODE_NOT_SUPPORTED) keeps nothing to forget
        if (confirmed.code() != ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            expectSuccess(confirmed);
        }
        log.resolved(branch);
    }

    private void apply(String branch, CrossBrokerRequests.Outcome outcome) {
        BranchCoordinator.Answer answer = switch (outcome) {
            case COMMIT -> branches.commit(branch, false, -1);
            case ROLLBACK -> branches.rollback(branch);
            case UNKNOWN -> null;
        };
        if (answer != null) {
            int code = branches.settled(answer).join().code();
            LOG.log(code == ResponseCode.SUCCESS ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    "local transaction branch {0} prepared and left by its client: {1} as its coordinator decided "
                    + "(answer {2})", branch, outcome, code);
        }
    }

    private CrossBrokerRequests.Outcome ask(String coordinator, Map<String, String> fields) {
        RemotingCommand answer = call(coordinator, fields);
        expectSuccess(answer);
        return CrossBrokerRequests.Outcome.valueOf(answer.field("outcome"));
    }

    private RemotingCommand call(String coordinator, Map<String, String> fields) {
        return client().invoke(coordinator, BolideRequestCode.BRANCH_OUTCOME, fields, null, ASK_TIMEOUT).join();
    }

    private static void expectSuccess(RemotingCommand answer) {
        if (answer.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("BRANCH_OUTCOME answered " + answer.code() + ": " + answer.remark());
        }
    }

    private RemotingClient client() {
        if (client == null) {
            client = outbound.get();
        }
        return client;
    }

    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}

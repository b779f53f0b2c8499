package dev.bolide.broker.transaction;

import java.time.Duration;

/**
 * When and how often the broker checks back undecided transactions, under RocketMQ's
 * {@code broker.conf} keys and units (milliseconds), and how long it lets XA branches wait (Bolide's
 * keys, also milliseconds).
 *
 * @param transactionTimeout       how old a half message must be before its first check-back, unless
 *                                 the message names its own {@code CHECK_IMMUNITY_TIME_IN_SECONDS}
 * @param transactionCheckInterval the time between two check passes, hence between two check-backs
 *                                 of one transaction
 * @param transactionCheckMax      how many check-backs a transaction gets before it is moved aside
 * @param xaBranchTimeout          how long an XA branch may stay open (sent to, not prepared) without a
 *                                 new message before the broker rolls it back
 * @param xaHeuristicTimeout       how long an XA branch may stay prepared before the broker rolls it
 *                                 back heuristically; zero: never, the transaction manager decides
 * @param xaEnabled                false: the broker refuses the branch requests
 *                                 (REQUEST_CODE_NOT_SUPPORTED) and checks back messages of branches
 *                                 like any other, as an Apache RocketMQ broker does
 * @param crossBrokerDecisionReservedTime how long a coordinator keeps a commit decision of a local
 *                                 transaction across brokers that some participant never confirmed
 *                                 (whole hours, as {@code fileReservedTime})
 */
public record TransactionSettings(Duration transactionTimeout, Duration transactionCheckInterval,
        int transactionCheckMax, Duration xaBranchTimeout, Duration xaHeuristicTimeout, boolean xaEnabled,
        Duration crossBrokerDecisionReservedTime) {
    /** Bolide's XA defaults: 300 s, never. */
    public static final Duration DEFAULT_XA_BRANCH_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration NO_HEURISTIC_TIMEOUT = Duration.ZERO;
    /** As long as RocketMQ keeps CommitLog files by default ({@code fileReservedTime} 72 hours). */
    public static final Duration DEFAULT_DECISION_RESERVED_TIME = Duration.ofHours(72);
    /** RocketMQ's defaults: 6 s, 60 s, 15 times; and Bolide's XA defaults. */
    public static final TransactionSettings DEFAULTS = new TransactionSettings(Duration.ofSeconds(6),
            Duration.ofSeconds(60), 15);

    public TransactionSettings {
        if (transactionTimeout.isNegative()) {
            throw new IllegalArgumentException("transactionTimeout must not be negative");
        }
        if (transactionCheckInterval.isNegative() || transactionCheckInterval.isZero()) {
            throw new IllegalArgumentException("transactionCheckInterval must be positive");
        }
        if (transactionCheckMax < 0) {
            throw new IllegalArgumentException("transactionCheckMax must not be negative");
        }
        if (xaBranchTimeout.isNegative() || xaBranchTimeout.isZero()) {
            throw new IllegalArgumentException("xaBranchTimeout must be positive");
        }
        if (xaHeuristicTimeout.isNegative()) {
            throw new IllegalArgumentException("xaHeuristicTimeout must not be negative (0: never)");
        }
        if (crossBrokerDecisionReservedTime.isNegative() || crossBrokerDecisionReservedTime.isZero()) {
            throw new IllegalArgumentException("crossBrokerDecisionReservedTime must be positive");
        }
    }

    /** RocketMQ's three settings with Bolide's XA defaults. */
    public TransactionSettings(Duration transactionTimeout, Duration transactionCheckInterval, int transactionCheckMax) {
        this(transactionTimeout, transactionCheckInterval, transactionCheckMax, DEFAULT_XA_BRANCH_TIMEOUT,
                NO_HEURISTIC_TIMEOUT, true, DEFAULT_DECISION_RESERVED_TIME);
    }

    /** These settings with other XA timeouts. */
    public TransactionSettings withXa(Duration newBranchTimeout, Duration newHeuristicTimeout) {
        return new TransactionSettings(transactionTimeout, transactionCheckInterval, transactionCheckMax,
                newBranchTimeout, newHeuristicTimeout, xaEnabled, crossBrokerDecisionReservedTime);
    }

    /** These settings with the branch requests refused. */
    public TransactionSettings withoutXa() {
        return new TransactionSettings(transactionTimeout, transactionCheckInterval, transactionCheckMax,
                xaBranchTimeout, xaHeuristicTimeout, false, crossBrokerDecisionReservedTime);
    }
}

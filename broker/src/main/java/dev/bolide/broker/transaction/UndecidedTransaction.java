package dev.bolide.broker.transaction;

/**
 * A transaction whose producer has not decided it yet, as its newest half record shows it.
 *
 * @param halfOffset the CommitLog offset of that newest half record, which names it to
 *        {@link UndecidedTransactions#decide}
 * @param checkTimes how many check-backs were sent for it so far
 */
public record UndecidedTransaction(String topic, String producerGroup, String uniqueKey, long bornTimestamp,
        int checkTimes, long halfOffset) {
}

package dev.bolide.broker.transaction;

/**
 * A branch this broker prepared as participant of a local transaction that spanned brokers, kept
 * with its coordinator until the branch is over and the coordinator heard so.
 *
 * @param branch      the transaction's branch id
 * @param coordinator the coordinator broker's address
 * @param state       where the branch stands here ({@code PREPARED}: waiting for the outcome); {@code UNKNOWN}
 *                    once forgotten, not yet reported
 */
public record CoordinatedBranch(String branch, String coordinator, String state) {
}

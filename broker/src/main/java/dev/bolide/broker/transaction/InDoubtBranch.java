package dev.bolide.broker.transaction;

/**
 * An XA branch XA recover lists: prepared, or decided heuristically and not yet forgotten.
 *
 * @param branch the Xid as {@code formatId:gtrid-hex:bqual-hex}
 * @param state {@code PREPARED}, {@code HEURISTIC_COMMITTED} or {@code HEURISTIC_ROLLED_BACK}
 * @param since when it entered that state (ms)
 * @param messages how many half messages were sent in it to this broker
 * @param received how many messages were received in it from this broker's queues
 */
public record InDoubtBranch(String branch, String state, long since, int messages, int received) {
}

package dev.bolide.broker.transaction;

import java.util.List;

/**
 * A commit decision this broker took as coordinator of a local transaction that spanned brokers,
 * which some participant has not confirmed applying yet.
 *
 * @param branch     the transaction's branch id ({@code formatId:gtrid-hex:bqual-hex})
 * @param decidedAt  when it was taken (ms)
 * @param waitingFor the participants (broker names) that have not confirmed it
 */
public record UnconfirmedDecision(String branch, long decidedAt, List<String> waitingFor) {
}

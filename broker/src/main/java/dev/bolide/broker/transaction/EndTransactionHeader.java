package dev.bolide.broker.transaction;

import dev.bolide.protocol.remoting.RemotingCommand;

/**
 * The custom header of END_TRANSACTION: which half message ({@code commitLogOffset}, and its
 * offset in the half queue), the producer's decision, and whether it answers a check-back.
 */
record EndTransactionHeader(String producerGroup, long tranStateTableOffset, long commitLogOffset,
        int commitOrRollback, boolean fromTransactionCheck, String msgId) {

    /** @throws IllegalArgumentException naming the field that is missing or not a number */
    static EndTransactionHeader of(RemotingCommand request) {
        return new EndTransactionHeader(request.requiredField("producerGroup"),
                request.longField("tranStateTableOffset"), request.longField("commitLogOffset"),
                request.intField("commitOrRollback"), Boolean.parseBoolean(request.field("fromTransactionCheck")),
                request.field("msgId"));
    }

    /** For logs: who said what about which message. */
    String describe() {
        return "END_TRANSACTION " + commitOrRollback + " for " + msgId + " from producer group " + producerGroup
                + (fromTransactionCheck ? " answering a check-back" : "");
    }
}

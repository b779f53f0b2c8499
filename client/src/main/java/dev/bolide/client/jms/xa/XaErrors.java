package dev.bolide.client.jms.xa;

import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.BolideResponseCode;
import javax.transaction.xa.XAException;

/**
 * The one place where a broker's answer to a branch request becomes an XA error code.
 *
 * <table>
 * <caption>BolideResponseCode → XAException error code, by operation</caption>
 * <tr><th>answer</th><th>prepare</th><th>one-phase commit</th><th>two-phase commit</th><th>rollback</th><th>forget</th></tr>
 * <tr><td>BRANCH_UNKNOWN</td><td colspan="5">XAER_NOTA</td></tr>
 * <tr><td>BRANCH_ROLLED_BACK</td><td colspan="2">XA_RBTIMEOUT when the broker timed the open branch out,
 *     XA_RBROLLBACK otherwise</td><td>XA_HEURRB</td><td>(success)</td><td>XAER_PROTO</td></tr>
 * <tr><td>BRANCH_COMMITTED</td><td>XAER_PROTO</td><td colspan="2">(success)</td><td>XA_HEURCOM</td>
 *     <td>XAER_PROTO</td></tr>
 * <tr><td>BRANCH_HEURISTIC_ROLLBACK</td><td>XAER_PROTO</td><td colspan="3">XA_HEURRB</td><td>-</td></tr>
 * <tr><td>BRANCH_HEURISTIC_COMMIT</td><td>XAER_PROTO</td><td colspan="3">XA_HEURCOM</td><td>-</td></tr>
 * <tr><td>BRANCH_NOT_PREPARED, BRANCH_NOT_HEURISTIC</td><td colspan="5">XAER_PROTO</td></tr>
 * <tr><td>BRANCH_INCOMPLETE (only to a prepare or one-phase commit)</td><td colspan="5">XA_RBINTEGRITY</td></tr>
 * <tr><td>no answer (timeout, connection lost)</td><td>XA_RBCOMMFAIL (the branch is rolled back)</td>
 *     <td colspan="4">XAER_RMFAIL</td></tr>
 * <tr><td>anything else</td><td colspan="5">XAER_RMERR</td></tr>
 * </table>
 */
final class XaErrors {
    /** What {@link #code} answers for a refusal that means the operation is done already. */
    static final int DONE = javax.transaction.xa.XAResource.XA_OK;

    private XaErrors() {
    }

    /** The XA error code for {@code refusal} of {@code operation}, or {@link #DONE}. */
    static int code(XaOperation operation, RocketMqException refusal) {
        return switch (refusal.responseCode()) {
            case BolideResponseCode.BRANCH_UNKNOWN -> XAException.XAER_NOTA;
            case BolideResponseCode.BRANCH_ROLLED_BACK -> rolledBack(operation, refusal);
            case BolideResponseCode.BRANCH_COMMITTED -> committed(operation);
            case BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK ->
                operation == XaOperation.PREPARE ? XAException.XAER_PROTO : XAException.XA_HEURRB;
            case BolideResponseCode.BRANCH_HEURISTIC_COMMIT ->
                operation == XaOperation.PREPARE ? XAException.XAER_PROTO : XAException.XA_HEURCOM;
            case BolideResponseCode.BRANCH_NOT_PREPARED, BolideResponseCode.BRANCH_NOT_HEURISTIC ->
                XAException.XAER_PROTO;
            case BolideResponseCode.BRANCH_INCOMPLETE -> XAException.XA_RBINTEGRITY;
            case RocketMqException.NO_RESPONSE ->
                operation == XaOperation.PREPARE ? XAException.XA_RBCOMMFAIL : XAException.XAER_RMFAIL;
            default -> XAException.XAER_RMERR;
        };
    }

    private static int rolledBack(XaOperation operation, RocketMqException refusal) {
        return switch (operation) {
            // the broker's remark names the state: "... is timed out" when its xaBranchTimeout ended the branch
            case PREPARE, ONE_PHASE_COMMIT -> String.valueOf(refusal.getMessage()).contains("timed out")
                    ? XAException.XA_RBTIMEOUT : XAException.XA_RBROLLBACK;
            case TWO_PHASE_COMMIT -> XAException.XA_HEURRB;
            case ROLLBACK -> DONE;
            case FORGET -> XAException.XAER_PROTO;
        };
    }

    private static int committed(XaOperation operation) {
        return switch (operation) {
            case ONE_PHASE_COMMIT, TWO_PHASE_COMMIT -> DONE;
            case ROLLBACK -> XAException.XA_HEURCOM;
            case PREPARE, FORGET -> XAException.XAER_PROTO;
        };
    }

    /** An XAException with {@code errorCode} and a message saying why (XAException has no such constructor). */
    static XAException error(int errorCode, String message) {
        XAException error = new XAException(message);
        error.errorCode = errorCode;
        return error;
    }

    static XAException error(int errorCode, String message, Throwable cause) {
        XAException error = error(errorCode, message);
        error.initCause(cause);
        return error;
    }

    static boolean isRollback(int errorCode) {
        return errorCode >= XAException.XA_RBBASE && errorCode <= XAException.XA_RBEND;
    }
}

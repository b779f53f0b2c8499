package dev.bolide.client.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.BolideResponseCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** The broker's answers to branch requests as XA error codes, operation by operation. */
class XaErrorsTest {
    private static int code(XaOperation operation, int responseCode, String remark) {
        return XaErrors.code(operation, new RocketMqException(responseCode, "refused with code " + responseCode
                + ": " + remark));
    }

    private static int code(XaOperation operation, int responseCode) {
        return code(operation, responseCode, "XA branch 1:01:02 is something");
    }

    @Test
    void anUnknownBranchIsNota() {
        for (XaOperation operation : XaOperation.values()) {
            assertThat(code(operation, BolideResponseCode.BRANCH_UNKNOWN)).as(operation.name())
                    .isEqualTo(XAException.XAER_NOTA);
        }
    }

    @Test
    void aBranchTheBrokerTimedOutIsRbTimeoutAtPrepareAndOnePhaseCommit() {
        String remark = "XA branch 1:01:02 is timed out";
        assertThat(code(XaOperation.PREPARE, BolideResponseCode.BRANCH_ROLLED_BACK, remark))
                .isEqualTo(XAException.XA_RBTIMEOUT);
        assertThat(code(XaOperation.ONE_PHASE_COMMIT, BolideResponseCode.BRANCH_ROLLED_BACK, remark))
                .isEqualTo(XAException.XA_RBTIMEOUT);
    }

    @Test
    void aBranchRolledBackByARequestIsRbRollbackAtPrepare() {
        assertThat(code(XaOperation.PREPARE, BolideResponseCode.BRANCH_ROLLED_BACK, "XA branch 1:01:02 is rolled back"))
                .isEqualTo(XAException.XA_RBROLLBACK);
    }

    @Test
    void aRolledBackBranchIsHeuristicAtTwoPhaseCommitAndDoneAtRollback() {
        assertThat(code(XaOperation.TWO_PHASE_COMMIT, BolideResponseCode.BRANCH_ROLLED_BACK))
                .isEqualTo(XAException.XA_HEURRB);
        assertThat(code(XaOperation.ROLLBACK, BolideResponseCode.BRANCH_ROLLED_BACK)).isEqualTo(XaErrors.DONE);
    }

    @Test
    void aCommittedBranchIsHeurComAtRollbackAndDoneAtCommit() {
        assertThat(code(XaOperation.ROLLBACK, BolideResponseCode.BRANCH_COMMITTED)).isEqualTo(XAException.XA_HEURCOM);
        assertThat(code(XaOperation.TWO_PHASE_COMMIT, BolideResponseCode.BRANCH_COMMITTED)).isEqualTo(XaErrors.DONE);
    }

    @Test
    void aHeuristicRollbackIsHeurRb() {
        assertThat(code(XaOperation.TWO_PHASE_COMMIT, BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK))
                .isEqualTo(XAException.XA_HEURRB);
        assertThat(code(XaOperation.ROLLBACK, BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK))
                .isEqualTo(XAException.XA_HEURRB);
    }

    @Test
    void aHeuristicCommitIsHeurComAtCommitAndAtRollbackAndAProtocolErrorAtPrepare() {
        assertThat(code(XaOperation.TWO_PHASE_COMMIT, BolideResponseCode.BRANCH_HEURISTIC_COMMIT))
                .isEqualTo(XAException.XA_HEURCOM);
        assertThat(code(XaOperation.ROLLBACK, BolideResponseCode.BRANCH_HEURISTIC_COMMIT))
                .isEqualTo(XAException.XA_HEURCOM);
        assertThat(code(XaOperation.PREPARE, BolideResponseCode.BRANCH_HEURISTIC_COMMIT))
                .isEqualTo(XAException.XAER_PROTO);
    }

    @Test
    void notPreparedAndNotHeuristicAreProtocolErrors() {
        assertThat(code(XaOperation.TWO_PHASE_COMMIT, BolideResponseCode.BRANCH_NOT_PREPARED))
                .isEqualTo(XAException.XAER_PROTO);
        assertThat(code(XaOperation.FORGET, BolideResponseCode.BRANCH_NOT_HEURISTIC)).isEqualTo(XAException.XAER_PROTO);
    }

    @Test
    void aBranchThatLostMessagesIsAnIntegrityRollback() {
        assertThat(code(XaOperation.PREPARE, BolideResponseCode.BRANCH_INCOMPLETE)).isEqualTo(XAException.XA_RBINTEGRITY);
        assertThat(code(XaOperation.ONE_PHASE_COMMIT, BolideResponseCode.BRANCH_INCOMPLETE))
                .isEqualTo(XAException.XA_RBINTEGRITY);
    }

    @Test
    void noAnswerIsRmFailOrACommunicationRollbackAtPrepare() {
        RocketMqException lost = new RocketMqException("connection lost", new IOException("reset"));
        assertThat(XaErrors.code(XaOperation.TWO_PHASE_COMMIT, lost)).isEqualTo(XAException.XAER_RMFAIL);
        assertThat(XaErrors.code(XaOperation.PREPARE, lost)).isEqualTo(XAException.XA_RBCOMMFAIL);
    }

    @Test
    void anyOtherRefusalIsRmErr() {
        assertThat(code(XaOperation.TWO_PHASE_COMMIT, ResponseCode.SYSTEM_ERROR)).isEqualTo(XAException.XAER_RMERR);
    }
}

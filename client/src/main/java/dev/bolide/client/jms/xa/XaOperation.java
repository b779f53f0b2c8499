package dev.bolide.client.jms.xa;

/** The XA operation a broker refused: the same refusal means a different XA error in each. */
enum XaOperation {
    PREPARE, ONE_PHASE_COMMIT, TWO_PHASE_COMMIT, ROLLBACK, FORGET
}

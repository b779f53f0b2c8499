/**
 * XA over the brokers' branch requests. {@link dev.bolide.client.jms.xa.BolideXAResource} is the XA state
 * machine of one XA session ({@link dev.bolide.client.jms.xa.BolideXASession}, also behind
 * {@link dev.bolide.client.jms.xa.BolideXAJMSContext}); the branches this JVM works in are shared by the
 * resources of a cluster ({@code BranchRegistry}), decided broker by broker ({@code BranchDecisions}), and
 * the broker's answers become XA error codes in one table ({@code XaErrors}).
 *
 * <p>Mapping: a Xid is the branch id {@code formatId:gtrid-hex:bqual-hex}
 * ({@link dev.bolide.protocol.xa.BranchId}), carried by each half message sent in the branch as property
 * {@code BOLIDE_XID} and by the branch requests (BRANCH_PREPARE, BRANCH_COMMIT, BRANCH_ROLLBACK,
 * BRANCH_RECOVER, BRANCH_FORGET, {@code BolideRequestCode} 9002 to 9006) as header {@code branch}.
 * Receives are not on the broker's branch: they are acknowledged (the group's offset) when the branch
 * commits and delivered again when it rolls back, so after a client crash between prepare and commit
 * a received message is delivered again (at least once) while recovery still commits the sends.
 */
package dev.bolide.client.jms.xa;

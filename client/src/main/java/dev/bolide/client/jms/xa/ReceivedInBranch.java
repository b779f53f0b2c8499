package dev.bolide.client.jms.xa;

import dev.bolide.protocol.xa.BranchReceipt;

/**
 * A message received in a branch, as the broker holding its queue records it at the branch's
 * prepare.
 *
 * @param brokerName the broker of the queue it was pulled from
 */
public record ReceivedInBranch(String brokerName, BranchReceipt receipt) {
}

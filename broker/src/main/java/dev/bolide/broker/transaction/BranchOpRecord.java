package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageToStore;
import dev.bolide.protocol.xa.BranchReceipt;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An op record about a whole XA branch: shaped like {@link OpRecord} (tag {@code d}, property
 * {@code BOLIDE_XID}), with body {@code -1} where a transaction key would be, and the branch's new
 * state in {@code BOLIDE_RESOLUTION}; a prepare's also has the messages received in the branch in
 * {@code BOLIDE_RECEIPTS} ({@link BranchReceipt#format}).
 *
 * @param receipts the messages received in the branch, recorded by its prepare; empty otherwise
 */
record BranchOpRecord(String branch, BranchState state, List<BranchReceipt> receipts) {
    /** The body standing for "every half message of the branch". */
    private static final String WHOLE_BRANCH = "-1";
    static final String RECEIPTS = "BOLIDE_RECEIPTS";

    BranchOpRecord(String branch, BranchState state) {
        this(branch, state, List.of());
    }

    MessageToStore toStore() {
        Map<String, String> properties = new HashMap<>(Map.of(PropertyKeys.TAGS, OpRecord.TAG, OpRecord.RESOLUTION,
                state.name(), OpRecord.BRANCH, branch));
        if (!receipts.isEmpty()) {
            properties.put(RECEIPTS, BranchReceipt.format(receipts));
        }
        return MessageToStore.builder(TransactionTopics.OP, TransactionTopics.QUEUE_ID,
                WHOLE_BRANCH.getBytes(StandardCharsets.US_ASCII)).properties(properties).build();
    }

    /** Whether an op record is about a whole branch rather than one transaction. */
    static boolean isBranchRecord(MessageRecordView record) {
        return isWholeBranch(record.bodyBytes())
                && MessageProperties.find(record.properties(), OpRecord.BRANCH) != null;
    }

    /**
     * Whether an op record being appended is about a whole branch: its body says so, where an
     * {@link OpRecord} has a transaction key, a queue offset from 0.
     */
    static boolean isBranchRecord(MessageToStore op) {
        return isWholeBranch(op.body());
    }

    private static boolean isWholeBranch(byte[] body) {
        return WHOLE_BRANCH.equals(new String(body, StandardCharsets.US_ASCII).trim());
    }

    static BranchOpRecord read(MessageRecordView record) {
        String properties = record.properties();
        return new BranchOpRecord(MessageProperties.find(properties, OpRecord.BRANCH),
                BranchState.named(MessageProperties.find(properties, OpRecord.RESOLUTION)),
                BranchReceipt.parse(MessageProperties.find(properties, RECEIPTS)));
    }
}

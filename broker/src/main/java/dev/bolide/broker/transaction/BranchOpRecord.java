package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageToStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An op record about a whole XA branch: shaped like {@link OpRecord} (tag {@code d}, property
 * {@code BOLIDE_XID}), with body {@code -1} where a transaction key would be, and the branch's new
 * state in {@code BOLIDE_RESOLUTION}.
 */
record BranchOpRecord(String branch, BranchState state) {
    /** The body standing for "every half message of the branch". */
    private static final String WHOLE_BRANCH = "-1";

    MessageToStore toStore() {
        Map<String, String> properties = Map.of(PropertyKeys.TAGS, OpRecord.TAG, OpRecord.RESOLUTION, state.name(),
                OpRecord.BRANCH, branch);
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
                BranchState.named(MessageProperties.find(properties, OpRecord.RESOLUTION)));
    }
}

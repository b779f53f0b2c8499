package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageToStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One record of the op log: the transaction whose first half message has queue offset
 * {@code transactionKey} is resolved. Shaped like RocketMQ's op records (tag {@code d}, the half
 * queue offset as decimal ASCII body), plus the resolution and, for XA, the branch.
 *
 * @param branch the branch identifier (Xid) the half message was sent under; null outside XA
 */
record OpRecord(long transactionKey, Resolution resolution, String branch) {
    /** Property naming the XA branch of a half message and of the op record that resolves it. */
    static final String BRANCH = PropertyKeys.XA_BRANCH;
    static final String RESOLUTION = "BOLIDE_RESOLUTION";
    /** RocketMQ's REMOVETAG. */
    static final String TAG = "d";

    MessageToStore toStore() {
        Map<String, String> properties = new HashMap<>();
        properties.put(PropertyKeys.TAGS, TAG);
        properties.put(RESOLUTION, resolution.name());
        if (branch != null) {
            properties.put(BRANCH, branch);
        }
        return MessageToStore.builder(TransactionTopics.OP, TransactionTopics.QUEUE_ID,
                Long.toString(transactionKey).getBytes(StandardCharsets.US_ASCII)).properties(properties).build();
    }

    static OpRecord read(MessageRecordView record) {
        String properties = record.properties();
        String resolution = MessageProperties.find(properties, RESOLUTION);
        long key = Long.parseLong(new String(record.bodyBytes(), StandardCharsets.US_ASCII).trim());
        // RocketMQ's own op records only say that the transaction is over, not how
        return new OpRecord(key, resolution == null ? Resolution.ROLLBACK : Resolution.valueOf(resolution),
                MessageProperties.find(properties, BRANCH));
    }
}

package dev.bolide.protocol.xa;

import java.util.ArrayList;
import java.util.List;

/**
 * A message received in an XA branch, as the client names it to the broker that holds its queue
 * (header {@code receipts} of BRANCH_PREPARE) and as the broker records it with the branch's PREPARED
 * decision: the consumer group, and the queue and offset the message was pulled from.
 *
 * <p>Text form: {@code group,topic,queueId,offset}, receipts joined by {@code ;}. Group and topic
 * names hold neither character (RocketMQ allows letters, digits, {@code %|_-} only), nor the
 * property separators, so the same text serves as a header and as an op record's property.
 */
public record BranchReceipt(String group, String topic, int queueId, long queueOffset) {
    private static final String FIELDS = ",";
    private static final String RECEIPTS = ";";

    public BranchReceipt {
        if (group.contains(FIELDS) || group.contains(RECEIPTS) || topic.contains(FIELDS) || topic.contains(RECEIPTS)) {
            throw new IllegalArgumentException("a group or topic name holds neither ',' nor ';': " + group + ", "
                    + topic);
        }
    }

    /** The receipts as one text; empty for none. */
    public static String format(List<BranchReceipt> receipts) {
        StringBuilder text = new StringBuilder();
        for (BranchReceipt receipt : receipts) {
            if (!text.isEmpty()) {
                text.append(RECEIPTS);
            }
            text.append(receipt.group).append(FIELDS).append(receipt.topic).append(FIELDS).append(receipt.queueId)
                    .append(FIELDS).append(receipt.queueOffset);
        }
        return text.toString();
    }

    /**
     * The receipts {@link #format} wrote; none for null or empty text.
     *
     * @throws IllegalArgumentException when the text is not receipts
     */
    public static List<BranchReceipt> parse(String text) {
        List<BranchReceipt> receipts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return receipts;
        }
        for (String one : text.split(RECEIPTS)) {
            String[] fields = one.split(FIELDS, -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("a receipt is group,topic,queueId,offset, not " + one);
            }
            receipts.add(new BranchReceipt(fields[0], fields[1], Integer.parseInt(fields[2]),
                    Long.parseLong(fields[3])));
        }
        return receipts;
    }
}

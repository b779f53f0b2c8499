package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.HostAddress;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageRecordWriter;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageToStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored record of the half queue (a prepared message or a copy of it made at a check-back),
 * and the messages derived from it: the committed message, the next copy, the moved-aside copy, and
 * the body of a check-back.
 *
 * <p>Every copy names the half message it copies in {@code TRAN_PREPARED_QUEUE_OFFSET}; that
 * queue offset of the first half message is the transaction's key, whichever copy a client answers.
 */
final class HalfRecord {
    /** Properties that only mean something inside the half queue. */
    private static final String[] HALF_QUEUE_PROPERTIES = {PropertyKeys.REAL_TOPIC, PropertyKeys.REAL_QUEUE_ID,
        PropertyKeys.TRANSACTION_CHECK_TIMES, PropertyKeys.TRANSACTION_PREPARED_QUEUE_OFFSET};
    /** {@code CHECK_IMMUNITY_TIME_IN_SECONDS} value meaning "the broker's transactionTimeout". */
    private static final long DEFAULT_IMMUNITY = -1;

    private final MessageRecordView view;
    private final Map<String, String> properties;

    private HalfRecord(MessageRecordView view) {
        this.view = view;
        this.properties = MessageProperties.decode(view.properties());
    }

    /** The record as a half record; empty when it is not in the half topic. */
    static Optional<HalfRecord> of(ByteBuffer record) {
        MessageRecordView view = new MessageRecordView().wrap(record, record.position());
        return view.topic(HalfMessages.TOPIC).equals(HalfMessages.TOPIC) ? Optional.of(new HalfRecord(view))
                : Optional.empty();
    }

    /** The queue offset of the transaction's first half message, shared by all its copies. */
    long transactionKey() {
        String first = properties.get(PropertyKeys.TRANSACTION_PREPARED_QUEUE_OFFSET);
        return first == null ? queueOffset() : Long.parseLong(first);
    }

    long queueOffset() {
        return view.queueOffset();
    }

    long physicalOffset() {
        return view.physicalOffset();
    }

    long bornTimestamp() {
        return view.bornTimestamp();
    }

    long storeTimestamp() {
        return view.storeTimestamp();
    }

    /** {@code PGROUP}: the producer group asked at check-back; null if the producer did not say. */
    String producerGroup() {
        return properties.get(PropertyKeys.PRODUCER_GROUP);
    }

    /** {@code UNIQ_KEY}, the client's message id and transaction id. */
    String uniqueKey() {
        return properties.get(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID);
    }

    /** The XA branch the message was sent under ({@link OpRecord#BRANCH}); null outside XA. */
    String branch() {
        return properties.get(OpRecord.BRANCH);
    }

    String offsetMessageId() {
        return MessageId.offsetMessageId(view.storeHost(), physicalOffset());
    }

    /** How many check-backs were sent for the transaction before this copy was made. */
    int checkTimes() {
        String times = properties.get(PropertyKeys.TRANSACTION_CHECK_TIMES);
        return times == null ? 0 : Integer.parseInt(times);
    }

    /** {@code CHECK_IMMUNITY_TIME_IN_SECONDS} in ms; empty when absent, unreadable or -1 (the broker's default). */
    OptionalLong ownImmunityMillis() {
        String seconds = properties.get(PropertyKeys.CHECK_IMMUNITY_TIME_IN_SECONDS);
        try {
            long value = seconds == null ? DEFAULT_IMMUNITY : Long.parseLong(seconds.trim());
            return value < 0 ? OptionalLong.empty() : OptionalLong.of(value * 1000);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The message a commit delivers, where {@code routing} stores it: real topic and queue, committed
     * type, the half message's offset as prepared-transaction offset, and the producer's properties,
     * keys and {@code UNIQ_KEY} (the msgId the client knows) included, so consumers see what RocketMQ
     * shows them.
     */
    MessageToStore committed(CommitRouting routing) {
        Map<String, String> delivered = new HashMap<>(properties);
        for (String bookkeeping : HALF_QUEUE_PROPERTIES) {
            delivered.remove(bookkeeping);
        }
        int sysFlag = MessageSysFlag.withTransactionType(view.sysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        MessageToStore committed = rebuilt(realTopic(), realQueueId(), sysFlag, delivered)
                .preparedTransactionOffset(physicalOffset()).build();
        return routing.route(committed, delivered);
    }

    /** The copy appended to the half queue when the transaction is checked back for the {@code checkTimes}th time. */
    MessageToStore checkedCopy(int checkTimes) {
        Map<String, String> copied = new HashMap<>(properties);
        copied.put(PropertyKeys.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes));
        copied.put(PropertyKeys.TRANSACTION_PREPARED_QUEUE_OFFSET, Long.toString(transactionKey()));
        return rebuilt(HalfMessages.TOPIC, HalfMessages.QUEUE_ID, view.sysFlag(), copied).build();
    }

    /** The copy kept in {@link TransactionTopics#CHECK_MAX_TIME} when the broker gives up on the transaction. */
    MessageToStore movedAside() {
        return rebuilt(TransactionTopics.CHECK_MAX_TIME, TransactionTopics.QUEUE_ID, view.sysFlag(), properties)
                .build();
    }

    private MessageToStore.Builder rebuilt(String topic, int queueId, int sysFlag, Map<String, String> with) {
        return MessageToStore.builder(topic, queueId, view.bodyBytes())
                .flag(view.flag())
                .sysFlag(sysFlag)
                .bornTimestamp(view.bornTimestamp())
                .bornHost(view.bornHost())
                .reconsumeTimes(view.reconsumeTimes())
                .properties(with);
    }

    /**
     * This record as a check-back carries it: in the record layout, with the real topic and queue
     * (the client looks its producer up by {@code PGROUP} and hands the message to its listener).
     */
    byte[] checkBackBody() {
        byte[] body = view.bodyBytes();
        byte[] topic = realTopic().getBytes(StandardCharsets.UTF_8);
        byte[] encodedProperties = view.properties().getBytes(StandardCharsets.UTF_8);
        byte[] bornHost = HostAddress.encode(view.bornHost());
        byte[] storeHost = HostAddress.encode(view.storeHost());
        int flags = MessageRecordWriter.hostFlags(view.sysFlag(), bornHost, storeHost);
        ByteBuffer record = ByteBuffer.allocate(MessageRecordLayout.recordLength(flags, body.length, topic.length,
                encodedProperties.length));
        MessageRecordWriter.write(record, realQueueId(), view.flag(), view.sysFlag(), view.bornTimestamp(), bornHost,
                storeHost, view.reconsumeTimes(), view.preparedTransactionOffset(), body, topic, encodedProperties);
        MessageRecordWriter.setQueueOffset(record, 0, queueOffset());
        MessageRecordWriter.setPhysicalOffset(record, 0, physicalOffset());
        MessageRecordWriter.setStoreTimestamp(record, 0, view.storeTimestamp());
        return record.array();
    }

    String realTopic() {
        return properties.get(PropertyKeys.REAL_TOPIC);
    }

    private int realQueueId() {
        return Integer.parseInt(properties.get(PropertyKeys.REAL_QUEUE_ID));
    }

    @Override
    public String toString() {
        return "transaction " + uniqueKey() + " (producer group " + producerGroup() + ", half queue offset "
                + transactionKey() + ", for " + realTopic() + ")";
    }
}

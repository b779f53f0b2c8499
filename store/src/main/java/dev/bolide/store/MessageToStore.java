package dev.bolide.store;

import dev.bolide.protocol.message.HostAddress;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageRecordView;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A message handed to {@link MessageStore#append}: everything of the record except what the store
 * assigns (queue offset, physical offset, store timestamp, store host). Strings are encoded once,
 * when built, so that appending does no encoding under the store's lock.
 */
public final class MessageToStore {
    private static final byte[] UNKNOWN_HOST = HostAddress.encode(new InetSocketAddress("0.0.0.0", 0));

    private final String topic;
    private final byte[] topicBytes;
    private final int queueId;
    private final int flag;
    private final byte[] body;
    private final byte[] properties;
    private final int sysFlag;
    private final long bornTimestamp;
    private final byte[] bornHost;
    private final int reconsumeTimes;
    private final long preparedTransactionOffset;
    private final boolean waitForFlush;

    private MessageToStore(Builder b) {
        this.topic = b.topic;
        this.topicBytes = b.topic.getBytes(StandardCharsets.UTF_8);
        this.queueId = b.queueId;
        this.flag = b.flag;
        this.body = b.body;
        this.properties = b.properties;
        this.sysFlag = b.sysFlag;
        this.bornTimestamp = b.bornTimestamp;
        this.bornHost = b.bornHost;
        this.reconsumeTimes = b.reconsumeTimes;
        this.preparedTransactionOffset = b.preparedTransactionOffset;
        this.waitForFlush = b.waitForFlush;
        if (topicBytes.length == 0 || topicBytes.length > MessageRecordLayout.MAX_TOPIC_LENGTH) {
            throw new StoreException(StoreException.Reason.MESSAGE_ILLEGAL, "topic must have 1 to "
                    + MessageRecordLayout.MAX_TOPIC_LENGTH + " bytes, '" + topic + "' has " + topicBytes.length);
        }
        if (queueId < 0) {
            throw new StoreException(StoreException.Reason.MESSAGE_ILLEGAL, "queue id must not be negative: " + queueId);
        }
        if (properties.length > MessageRecordLayout.MAX_PROPERTIES_LENGTH) {
            throw new StoreException(StoreException.Reason.MESSAGE_ILLEGAL, "properties of a message must not exceed "
                    + MessageRecordLayout.MAX_PROPERTIES_LENGTH + " bytes, got " + properties.length);
        }
    }

    public static Builder builder(String topic, int queueId, byte[] body) {
        return new Builder(topic, queueId, body);
    }

    /**
     * A builder holding what a stored record carries from its producer (body, flags, born time and
     * host, reconsume times, properties), for storing it again under another topic and queue.
     */
    public static Builder copyOf(MessageRecordView record, String topic, int queueId) {
        return new Builder(topic, queueId, record.bodyBytes())
                .flag(record.flag())
                .sysFlag(record.sysFlag())
                .bornTimestamp(record.bornTimestamp())
                .bornHost(record.bornHost())
                .reconsumeTimes(record.reconsumeTimes())
                .properties(record.properties());
    }

    public String topic() {
        return topic;
    }

    public byte[] topicBytes() {
        return topicBytes;
    }

    public int queueId() {
        return queueId;
    }

    public int flag() {
        return flag;
    }

    public byte[] body() {
        return body;
    }

    /** The encoded property string. */
    public byte[] properties() {
        return properties;
    }

    public int sysFlag() {
        return sysFlag;
    }

    public long bornTimestamp() {
        return bornTimestamp;
    }

    public byte[] bornHost() {
        return bornHost;
    }

    public int reconsumeTimes() {
        return reconsumeTimes;
    }

    public long preparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    /** Whether, under {@link FlushDiskType#SYNC_FLUSH}, the append waits for the disk (RocketMQ {@code WAIT}). */
    public boolean waitForFlush() {
        return waitForFlush;
    }

    /** A builder holding everything of this message, for storing it under another topic and queue. */
    public Builder toBuilder(String topic, int queueId) {
        return new Builder(topic, queueId, body)
                .flag(flag)
                .sysFlag(sysFlag)
                .bornTimestamp(bornTimestamp)
                .reconsumeTimes(reconsumeTimes)
                .bornHost(bornHost)
                .properties(properties)
                .preparedTransactionOffset(preparedTransactionOffset)
                .waitForFlush(waitForFlush);
    }

    /** Collects the fields of a {@link MessageToStore}; only topic, queue and body are required. */
    public static final class Builder {
        private final String topic;
        private final int queueId;
        private final byte[] body;
        private byte[] properties = new byte[0];
        private int flag;
        private int sysFlag;
        private long bornTimestamp = System.currentTimeMillis();
        private byte[] bornHost = UNKNOWN_HOST;
        private int reconsumeTimes;
        private long preparedTransactionOffset;
        private boolean waitForFlush = true;

        private Builder(String topic, int queueId, byte[] body) {
            this.topic = topic;
            this.queueId = queueId;
            this.body = body;
        }

        public Builder properties(Map<String, String> properties) {
            return properties(MessageProperties.encode(properties));
        }

        /** The property string as it arrives in a RocketMQ send request. */
        public Builder properties(String encoded) {
            return properties(encoded.getBytes(StandardCharsets.UTF_8));
        }

        /** The property string as a record stores it, UTF-8, never changed afterwards. */
        public Builder properties(byte[] encodedUtf8) {
            this.properties = encodedUtf8;
            return this;
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        public Builder sysFlag(int sysFlag) {
            this.sysFlag = sysFlag;
            return this;
        }

        public Builder bornTimestamp(long millis) {
            this.bornTimestamp = millis;
            return this;
        }

        public Builder bornHost(InetSocketAddress host) {
            this.bornHost = HostAddress.encode(host);
            return this;
        }

        /** The born host already encoded by {@link HostAddress#encode}, never changed afterwards (it may be shared). */
        public Builder bornHost(byte[] encoded) {
            this.bornHost = encoded;
            return this;
        }

        public Builder reconsumeTimes(int times) {
            this.reconsumeTimes = times;
            return this;
        }

        public Builder preparedTransactionOffset(long offset) {
            this.preparedTransactionOffset = offset;
            return this;
        }

        public Builder waitForFlush(boolean wait) {
            this.waitForFlush = wait;
            return this;
        }

        public MessageToStore build() {
            return new MessageToStore(this);
        }
    }
}

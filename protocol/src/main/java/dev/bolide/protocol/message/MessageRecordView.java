package dev.bolide.protocol.message;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A reusable, allocation-free view of one record inside a buffer; {@link #wrap} points it at a record.
 * Accessors read straight from the buffer, so a view of a mapped file costs no copy.
 */
public final class MessageRecordView {
    private ByteBuffer buffer;
    private int start;
    private int sysFlag;

    public MessageRecordView wrap(ByteBuffer buffer, int start) {
        this.buffer = buffer;
        this.start = start;
        this.sysFlag = buffer.getInt(start + MessageRecordLayout.SYS_FLAG);
        return this;
    }

    /**
     * Classifies the bytes at {@code start} without trusting them: a message must fit in
     * {@code available} bytes, carry the magic, have a total size equal to the size its own length
     * fields add up to, and (when asked) a body matching its CRC.
     */
    public static RecordKind classify(ByteBuffer buffer, int start, int available, boolean checkCrc) {
        if (available < MessageRecordLayout.BLANK_RECORD_LENGTH) {
            return available == 0 || isZero(buffer, start, available) ? RecordKind.EMPTY : RecordKind.CORRUPT;
        }
        int totalSize = buffer.getInt(start + MessageRecordLayout.TOTAL_SIZE);
        int magic = buffer.getInt(start + MessageRecordLayout.MAGIC);
        if (magic == MessageRecordLayout.BLANK_MAGIC_CODE) {
            return totalSize == available ? RecordKind.BLANK : RecordKind.CORRUPT;
        }
        if (magic != MessageRecordLayout.MAGIC_CODE) {
            return totalSize == 0 && magic == 0 ? RecordKind.EMPTY : RecordKind.CORRUPT;
        }
        if (totalSize > available || totalSize < MessageRecordLayout.fixedLength(0)) {
            return RecordKind.CORRUPT;
        }
        return isWellFormed(buffer, start, totalSize, checkCrc) ? RecordKind.MESSAGE : RecordKind.CORRUPT;
    }

    private static boolean isWellFormed(ByteBuffer buffer, int start, int totalSize, boolean checkCrc) {
        int sysFlag = buffer.getInt(start + MessageRecordLayout.SYS_FLAG);
        int fixed = MessageRecordLayout.fixedLength(sysFlag);
        if (totalSize < fixed) {
            return false;
        }
        int bodyLengthAt = start + MessageRecordLayout.bodyLengthPosition(sysFlag);
        int bodyLength = buffer.getInt(bodyLengthAt);
        if (bodyLength < 0 || bodyLength > totalSize - fixed) {
            return false;
        }
        int topicLengthAt = bodyLengthAt + 4 + bodyLength;
        int topicLength = buffer.get(topicLengthAt) & 0xFF;
        if (topicLength == 0 || topicLength > totalSize - fixed - bodyLength) {
            return false;
        }
        int propertiesLength = buffer.getShort(topicLengthAt + 1 + topicLength) & 0xFFFF;
        if (MessageRecordLayout.recordLength(sysFlag, bodyLength, topicLength, propertiesLength) != totalSize) {
            return false;
        }
        if (!checkCrc) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.slice(bodyLengthAt + 4, bodyLength));
        return (int) (crc.getValue() & 0x7FFFFFFF) == buffer.getInt(start + MessageRecordLayout.BODY_CRC);
    }

    private static boolean isZero(ByteBuffer buffer, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer.get(start + i) != 0) {
                return false;
            }
        }
        return true;
    }

    public int totalSize() {
        return buffer.getInt(start + MessageRecordLayout.TOTAL_SIZE);
    }

    public int bodyCrc() {
        return buffer.getInt(start + MessageRecordLayout.BODY_CRC);
    }

    public int queueId() {
        return buffer.getInt(start + MessageRecordLayout.QUEUE_ID);
    }

    public int flag() {
        return buffer.getInt(start + MessageRecordLayout.FLAG);
    }

    public long queueOffset() {
        return buffer.getLong(start + MessageRecordLayout.QUEUE_OFFSET);
    }

    public long physicalOffset() {
        return buffer.getLong(start + MessageRecordLayout.PHYSICAL_OFFSET);
    }

    public int sysFlag() {
        return sysFlag;
    }

    public long bornTimestamp() {
        return buffer.getLong(start + MessageRecordLayout.BORN_TIMESTAMP);
    }

    public InetSocketAddress bornHost() {
        return HostAddress.decode(buffer, start + MessageRecordLayout.BORN_HOST, MessageSysFlag.bornHostLength(sysFlag));
    }

    public long storeTimestamp() {
        return buffer.getLong(start + MessageRecordLayout.storeTimestampPosition(sysFlag));
    }

    public InetSocketAddress storeHost() {
        return HostAddress.decode(buffer, start + MessageRecordLayout.storeHostPosition(sysFlag),
                MessageSysFlag.storeHostLength(sysFlag));
    }

    public int reconsumeTimes() {
        return buffer.getInt(start + MessageRecordLayout.reconsumeTimesPosition(sysFlag));
    }

    public long preparedTransactionOffset() {
        return buffer.getLong(start + MessageRecordLayout.preparedTransactionOffsetPosition(sysFlag));
    }

    public int bodyLength() {
        return buffer.getInt(bodyLengthPosition());
    }

    /** The body as stored (still compressed when {@link MessageSysFlag#COMPRESSED} is set). */
    public ByteBuffer body() {
        return buffer.slice(bodyLengthPosition() + 4, bodyLength());
    }

    public byte[] bodyBytes() {
        byte[] body = new byte[bodyLength()];
        buffer.get(bodyLengthPosition() + 4, body);
        return body;
    }

    public String topic() {
        int at = topicLengthPosition();
        return string(at + 1, buffer.get(at) & 0xFF);
    }

    /** The topic; {@code candidate} itself when it is the same topic, so that no string is decoded. */
    public String topic(String candidate) {
        int at = topicLengthPosition();
        int length = buffer.get(at) & 0xFF;
        if (candidate.length() == length && sameAscii(candidate, at + 1)) {
            return candidate;
        }
        return string(at + 1, length);
    }

    private boolean sameAscii(String candidate, int position) {
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= 0x80 || buffer.get(position + i) != (byte) c) {
                return false;
            }
        }
        return true;
    }


    public String properties() {
        int at = propertiesLengthPosition();
        return string(at + 2, buffer.getShort(at) & 0xFFFF);
    }

    private String string(int position, int length) {
        if (length == 0) {
            return "";
        }
        byte[] bytes = new byte[length];
        buffer.get(position, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private int bodyLengthPosition() {
        return start + MessageRecordLayout.bodyLengthPosition(sysFlag);
    }

    private int topicLengthPosition() {
        int bodyLengthAt = bodyLengthPosition();
        return bodyLengthAt + 4 + buffer.getInt(bodyLengthAt);
    }

    private int propertiesLengthPosition() {
        int topicLengthAt = topicLengthPosition();
        return topicLengthAt + 1 + (buffer.get(topicLengthAt) & 0xFF);
    }
}

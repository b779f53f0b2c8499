package dev.bolide.protocol.message;

/**
 * Byte positions of the message record (RocketMQ 4.x {@code MessageExt} layout, all big-endian).
 * Fields up to the born host sit at fixed positions; the rest move by 12 bytes for each IPv6 host.
 */
public final class MessageRecordLayout {
    public static final int MAGIC_CODE = 0xDAA320A7;
    /** Magic of the blank record that fills the end of a CommitLog segment. */
    public static final int BLANK_MAGIC_CODE = 0xCBD43194;
    /** A blank record is its length and its magic. */
    public static final int BLANK_RECORD_LENGTH = 8;

    public static final int TOTAL_SIZE = 0;
    public static final int MAGIC = 4;
    public static final int BODY_CRC = 8;
    public static final int QUEUE_ID = 12;
    public static final int FLAG = 16;
    public static final int QUEUE_OFFSET = 20;
    public static final int PHYSICAL_OFFSET = 28;
    public static final int SYS_FLAG = 36;
    public static final int BORN_TIMESTAMP = 40;
    public static final int BORN_HOST = 48;

    public static final int MAX_TOPIC_LENGTH = 127;
    public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;

    /** Record length without body, topic and properties, with IPv4 hosts. */
    private static final int FIXED_LENGTH_IPV4 = 91;
    private static final int IPV6_EXTRA = 12;

    private MessageRecordLayout() {
    }

    public static int recordLength(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        return fixedLength(sysFlag) + bodyLength + topicLength + propertiesLength;
    }

    public static int fixedLength(int sysFlag) {
        int length = FIXED_LENGTH_IPV4;
        if ((sysFlag & MessageSysFlag.BORNHOST_V6) != 0) {
            length += IPV6_EXTRA;
        }
        if ((sysFlag & MessageSysFlag.STOREHOST_V6) != 0) {
            length += IPV6_EXTRA;
        }
        return length;
    }

    public static int storeTimestampPosition(int sysFlag) {
        return BORN_HOST + MessageSysFlag.bornHostLength(sysFlag);
    }

    public static int storeHostPosition(int sysFlag) {
        return storeTimestampPosition(sysFlag) + 8;
    }

    public static int reconsumeTimesPosition(int sysFlag) {
        return storeHostPosition(sysFlag) + MessageSysFlag.storeHostLength(sysFlag);
    }

    public static int preparedTransactionOffsetPosition(int sysFlag) {
        return reconsumeTimesPosition(sysFlag) + 4;
    }

    public static int bodyLengthPosition(int sysFlag) {
        return preparedTransactionOffsetPosition(sysFlag) + 8;
    }
}

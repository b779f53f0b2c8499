package dev.bolide.protocol.message;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Writes message records. The fields only a store can assign (queue offset, physical offset,
 * store timestamp) are written as zero and set afterwards with the {@code set...} methods, so a
 * record can be encoded before the store's append lock is taken.
 */
public final class MessageRecordWriter {
    private MessageRecordWriter() {
    }

    /**
     * Writes one record at the buffer's position and advances it.
     *
     * @param bornHost  host encoded by {@link HostAddress#encode}; its length decides the IPv6 flag
     * @param storeHost same, for the store host
     * @return the record length
     */
    public static int write(ByteBuffer dst, int queueId, int flag, int sysFlag, long bornTimestamp, byte[] bornHost,
            byte[] storeHost, int reconsumeTimes, long preparedTransactionOffset, byte[] body, byte[] topic,
            byte[] properties) {
        int flags = hostFlags(sysFlag, bornHost, storeHost);
        int length = MessageRecordLayout.recordLength(flags, body.length, topic.length, properties.length);
        dst.putInt(length)
                .putInt(MessageRecordLayout.MAGIC_CODE)
                .putInt(bodyCrc(body))
                .putInt(queueId)
                .putInt(flag)
                .putLong(0L)
                .putLong(0L)
                .putInt(flags)
                .putLong(bornTimestamp)
                .put(bornHost)
                .putLong(0L)
                .put(storeHost)
                .putInt(reconsumeTimes)
                .putLong(preparedTransactionOffset)
                .putInt(body.length)
                .put(body)
                .put((byte) topic.length)
                .put(topic)
                .putShort((short) properties.length)
                .put(properties);
        return length;
    }

    /** The CRC the record carries: CRC32 of the stored body, as a non-negative int. */
    public static int bodyCrc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    public static int hostFlags(int sysFlag, byte[] bornHost, byte[] storeHost) {
        int flags = sysFlag & ~(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOST_V6);
        if (HostAddress.isIpv6(bornHost)) {
            flags |= MessageSysFlag.BORNHOST_V6;
        }
        if (HostAddress.isIpv6(storeHost)) {
            flags |= MessageSysFlag.STOREHOST_V6;
        }
        return flags;
    }

    public static void setQueueOffset(ByteBuffer record, int recordStart, long queueOffset) {
        record.putLong(recordStart + MessageRecordLayout.QUEUE_OFFSET, queueOffset);
    }

    public static void setPhysicalOffset(ByteBuffer record, int recordStart, long physicalOffset) {
        record.putLong(recordStart + MessageRecordLayout.PHYSICAL_OFFSET, physicalOffset);
    }

    public static void setStoreTimestamp(ByteBuffer record, int recordStart, long storeTimestamp) {
        int sysFlag = record.getInt(recordStart + MessageRecordLayout.SYS_FLAG);
        record.putLong(recordStart + MessageRecordLayout.storeTimestampPosition(sysFlag), storeTimestamp);
    }
}

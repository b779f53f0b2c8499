package dev.bolide.protocol.message;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The offset message id a broker returns for a stored message: upper-case hex of the store host
 * (address and port) followed by the record's CommitLog offset.
 */
public final class MessageId {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private MessageId() {
    }

    public static String offsetMessageId(byte[] storeHost, long physicalOffset) {
        return HEX.formatHex(ByteBuffer.allocate(storeHost.length + 8).put(storeHost).putLong(physicalOffset).array());
    }

    public static String offsetMessageId(InetSocketAddress storeHost, long physicalOffset) {
        return offsetMessageId(HostAddress.encode(storeHost), physicalOffset);
    }

    /** The CommitLog offset inside an offset message id (32 hex chars for IPv4, 56 for IPv6). */
    public static long physicalOffset(String offsetMessageId) {
        ByteBuffer bytes = ByteBuffer.wrap(decode(offsetMessageId));
        return bytes.getLong(bytes.capacity() - 8);
    }

    public static InetSocketAddress storeHost(String offsetMessageId) {
        byte[] bytes = decode(offsetMessageId);
        return HostAddress.decode(ByteBuffer.wrap(bytes), 0, bytes.length - 8);
    }

    private static byte[] decode(String offsetMessageId) {
        if (offsetMessageId.length() != 32 && offsetMessageId.length() != 56) {
            throw new IllegalArgumentException("not an offset message id: " + offsetMessageId);
        }
        return HEX.parseHex(offsetMessageId);
    }
}

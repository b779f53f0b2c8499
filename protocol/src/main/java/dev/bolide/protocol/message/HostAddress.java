package dev.bolide.protocol.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** The record encoding of a host: the address bytes (4 or 16) followed by the port as an int32. */
public final class HostAddress {
    private HostAddress() {
    }

    public static byte[] encode(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        return ByteBuffer.allocate(ip.length + 4).put(ip).putInt(address.getPort()).array();
    }

    public static boolean isIpv6(byte[] encoded) {
        return encoded.length == 20;
    }

    /** Decodes a host of {@code length} bytes (8 or 20) at {@code position}. */
    public static InetSocketAddress decode(ByteBuffer buffer, int position, int length) {
        byte[] ip = new byte[length - 4];
        buffer.get(position, ip);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), buffer.getInt(position + ip.length));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad host address length " + ip.length, e);
        }
    }
}

package dev.bolide.broker.client;

import dev.bolide.protocol.remoting.LanguageCode;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One client instance as a group member: its connection, its id, and the language and protocol
 * version its heartbeats declare (shown by mqadmin's connection listings).
 */
public record ClientConnection(Channel channel, String clientId, LanguageCode language, int version) {

    /** {@code ip:port} of the client's end of the connection. */
    public String clientAddress() {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }
}

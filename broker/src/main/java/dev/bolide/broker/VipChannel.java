package dev.bolide.broker;

import dev.bolide.remoting.RemotingServer;
import java.net.InetSocketAddress;

/**
 * RocketMQ's VIP channel: a 4.9 client with {@code sendMessageWithVIPChannel} (or
 * {@code vipChannelEnabled}) on sends to, and asks, the broker's {@code listenPort - 2} (its
 * {@code fastListenPort}) instead of {@code listenPort}. RocketMQ keeps it for admin traffic under load;
 * Bolide serves the same requests there, so such clients work unchanged.
 *
 * <p>A broker on {@code listenPort = 0} (any free port, as tests and embedded brokers ask) has no
 * VIP channel: its port is known only once bound, and the port two below is then nobody's to take.
 */
final class VipChannel {
    /** RocketMQ's {@code fastListenPort = listenPort - 2}. */
    static final int BELOW_LISTEN_PORT = 2;

    private VipChannel() {
    }

    /** Makes {@code server}, about to listen on {@code listenPort}, listen on its VIP port too. */
    static RemotingServer addTo(RemotingServer server, int listenPort) {
        int vipPort = listenPort - BELOW_LISTEN_PORT;
        if (listenPort != 0 && vipPort > 0) {
            server.alsoListenOn(new InetSocketAddress(vipPort),
                    "fastListenPort = listenPort - " + BELOW_LISTEN_PORT + ", the VIP channel");
        }
        return server;
    }
}

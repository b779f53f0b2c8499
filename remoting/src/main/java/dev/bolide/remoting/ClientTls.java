package dev.bolide.remoting;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;

/** TLS on a client's connections: every connection starts with a TLS handshake. */
public final class ClientTls {
    private final SslContext context;

    ClientTls(SslContext context) {
        this.context = context;
    }

    /** Puts the TLS handler in front of {@code connection}'s pipeline. */
    public void secure(Channel connection) {
        connection.pipeline().addFirst(context.newHandler(connection.alloc()));
    }
}

package dev.bolide.remoting;

import io.netty.channel.Channel;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;

/**
 * What a server does with a new connection in its {@link TlsMode}: nothing (disabled), TLS when the
 * first bytes are a TLS record (permissive: Netty's {@link OptionalSslHandler} looks at them, as
 * RocketMQ's {@code HandshakeHandler} looks at the first byte, 0x16), or TLS always (enforcing).
 */
public final class ServerTls {
    public static final ServerTls DISABLED = new ServerTls(TlsMode.DISABLED, null);

    private final TlsMode mode;
    private final SslContext context;

    ServerTls(TlsMode mode, SslContext context) {
        this.mode = mode;
        this.context = context;
    }

    public TlsMode mode() {
        return mode;
    }

    /** Puts the TLS handler, if the mode has one, in front of {@code connection}'s pipeline. */
    public void secure(Channel connection) {
        switch (mode) {
            // a TLS hello read as a frame announces a length of hundreds of MiB, far above the
            // frame limit: the frame decoder fails and the connection is closed, as RocketMQ closes it
            case DISABLED -> { }
            case PERMISSIVE -> connection.pipeline().addFirst(new OptionalSslHandler(context));
            // a plain frame is no TLS record: the handler fails (NotSslRecordException) and the connection is closed
            case ENFORCING -> connection.pipeline().addFirst(context.newHandler(connection.alloc()));
        }
    }
}

package dev.bolide.remoting;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection that sent bytes the pipeline could not decode (bad frame, oversized length)
 * or that stayed idle too long. Only that connection is closed; the server serves everyone else.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "closing {0}: {1}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.log(System.Logger.Level.INFO, "closing idle connection {0}", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }
}

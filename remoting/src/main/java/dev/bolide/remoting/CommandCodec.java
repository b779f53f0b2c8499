package dev.bolide.remoting;

import dev.bolide.protocol.remoting.MalformedFrameException;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RemotingFrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * Frames (already cut by the length-field decoder, length field stripped) to commands and
 * commands to frames. A frame that does not decode is a {@link MalformedFrameException}, which
 * closes the connection.
 */
final class CommandCodec extends MessageToMessageCodec<ByteBuf, RemotingCommand> {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(RemotingFrameCodec.decode(frame.nioBuffer()));
    }

    /** The body is not copied behind the header: the socket write gathers both where they lie. */
    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand command, List<Object> out) {
        ByteBuf head = Unpooled.wrappedBuffer(RemotingFrameCodec.encodeHead(command));
        byte[] body = command.body();
        out.add(body.length == 0 ? head : Unpooled.wrappedBuffer(head, Unpooled.wrappedBuffer(body)));
    }
}

package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingFrameCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A TCP server speaking RocketMQ remoting frames. Register processors per request code, then
 * {@link #start()}; port 0 picks a free port ({@link #port()} tells which).
 */
public final class RemotingServer implements AutoCloseable {
    /** The reference server closes connections idle (read and write) for this long. */
    private static final int IDLE_SECONDS = 120;

    private final InetSocketAddress address;
    private final Map<Integer, RequestDispatcher.Registration> registrations = new HashMap<>();
    private final List<Consumer<Channel>> closeListeners = new CopyOnWriteArrayList<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public RemotingServer(InetSocketAddress address) {
        this.address = address;
    }

    /** Routes requests with {@code code} to {@code processor}, run on {@code executor}. */
    public RemotingServer register(int code, RequestProcessor processor, Executor executor) {
        registrations.put(code, new RequestDispatcher.Registration(processor, executor));
        return this;
    }

    /** Tells {@code listener} about every client connection that closes, for whatever reason. */
    public RemotingServer onConnectionClosed(Consumer<Channel> listener) {
        closeListeners.add(listener);
        return this;
    }

    public RemotingServer start() throws InterruptedException {
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("bolide-remoting-accept", true));
        workers = new NioEventLoopGroup(0, new DefaultThreadFactory("bolide-remoting-io", true));
        RequestDispatcher dispatcher = new RequestDispatcher(registrations);
        ConnectionGuard guard = new ConnectionGuard();
        serverChannel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.closeFuture().addListener(closed -> closeListeners.forEach(l -> l.accept(channel)));
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(new LengthFieldBasedFrameDecoder(RemotingFrameCodec.MAX_FRAME_LENGTH, 0,
                                        RemotingFrameCodec.LENGTH_FIELD, 0, RemotingFrameCodec.LENGTH_FIELD))
                                .addLast(new CommandCodec())
                                .addLast(dispatcher)
                                .addLast(guard);
                    }
                })
                .bind(address).sync().channel();
        return this;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}

package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RemotingFrameCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A TCP server speaking RocketMQ remoting frames. Register processors per request code, then
 * {@link #start()}; port 0 picks a free port ({@link #port()} tells which). It can serve the same
 * requests on further addresses ({@link #alsoListenOn}), as RocketMQ's broker does on its VIP port,
 * and with TLS on all of them ({@link #securedBy}).
 */
public final class RemotingServer implements AutoCloseable {
    /** The reference server closes connections idle (read and write) for this long. */
    private static final int IDLE_SECONDS = 120;

    private final InetSocketAddress address;
    private final String name;
    private final Map<Integer, RequestDispatcher.Registration> registrations = new HashMap<>();
    private final List<Consumer<Channel>> closeListeners = new CopyOnWriteArrayList<>();
    private final Map<InetSocketAddress, String> moreAddresses = new LinkedHashMap<>();
    private final List<Channel> moreChannels = new ArrayList<>();
    private final ClientCalls clientCalls = new ClientCalls();
    private RequestGuard requestGuard = RequestGuard.ADMIT_ALL;
    private ServerTls tls = ServerTls.DISABLED;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public RemotingServer(InetSocketAddress address) {
        this(address, "the server's port");
    }

    /** @param name what the port is (the setting that names it), for the error when it cannot be listened on */
    public RemotingServer(InetSocketAddress address, String name) {
        this.address = address;
        this.name = name;
    }

    /** Routes requests with {@code code} to {@code processor}, run on {@code executor}. */
    public RemotingServer register(int code, RequestProcessor processor, Executor executor) {
        registrations.put(code, new RequestDispatcher.Registration(processor, executor));
        return this;
    }

    /** Has {@code requestGuard} check every request before its processor sees it. */
    public RemotingServer guardedBy(RequestGuard guard) {
        this.requestGuard = guard;
        return this;
    }

    /** Has every connection, on every address, handled as {@code tls}'s mode says. */
    public RemotingServer securedBy(ServerTls serverTls) {
        this.tls = serverTls;
        return this;
    }

    /** Tells {@code listener} about every client connection that closes, for whatever reason. */
    public RemotingServer onConnectionClosed(Consumer<Channel> listener) {
        closeListeners.add(listener);
        return this;
    }

    /**
     * Serves the same requests on {@code another} address too, from {@link #start()} to {@link #close()}.
     *
     * @param name what the port is, for the error when it cannot be listened on
     */
    public RemotingServer alsoListenOn(InetSocketAddress another, String name) {
        moreAddresses.put(another, name);
        return this;
    }

    /** @throws IllegalStateException naming the port when one of the addresses cannot be listened on */
    public RemotingServer start() throws InterruptedException {
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("bolide-remoting-accept", true));
        workers = new NioEventLoopGroup(0, new DefaultThreadFactory("bolide-remoting-io", true));
        RequestDispatcher dispatcher = new RequestDispatcher(registrations, clientCalls, requestGuard);
        ConnectionGuard guard = new ConnectionGuard();
        ServerTls connectionTls = tls;
        ServerBootstrap bootstrap = new ServerBootstrap()
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
                                .addLast(responsesFlushedTogether())
                                .addLast(new LengthFieldBasedFrameDecoder(RemotingFrameCodec.MAX_FRAME_LENGTH, 0,
                                        RemotingFrameCodec.LENGTH_FIELD, 0, RemotingFrameCodec.LENGTH_FIELD))
                                .addLast(new CommandCodec())
                                .addLast(dispatcher)
                                .addLast(guard);
                        connectionTls.secure(channel);
                    }
                });
        try {
            serverChannel = bind(bootstrap, address, "port " + address.getPort() + " (" + name + ")");
            for (Map.Entry<InetSocketAddress, String> another : moreAddresses.entrySet()) {
                moreChannels.add(bind(bootstrap, another.getKey(),
                        "port " + another.getKey().getPort() + " (" + another.getValue() + ")"));
            }
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Answers complete on the processors' threads, each handed to the I/O thread as a write and a
     * flush: flushing each on its own cost a socket write per answer (11 % of the broker's CPU under
     * synchronous sends from many threads). This handler turns the flushes queued in one turn of the
     * event loop, or during one read, into one socket write, flushed in the same turn, so no answer
     * waits for a later one.
     */
    private static FlushConsolidationHandler responsesFlushedTogether() {
        return new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true);
    }

    /** Netty's BindException says "Address already in use" but not which port: the message adds it. */
    private static Channel bind(ServerBootstrap bootstrap, InetSocketAddress address, String what)
            throws InterruptedException {
        ChannelFuture bound = bootstrap.bind(address).await();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + what + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        return bound.channel();
    }

    /**
     * Sends a request to the client at the other end of {@code client}, a connection of this
     * server, and completes with its response; fails with a {@link java.util.concurrent.TimeoutException}
     * after {@code timeout}, or with an {@link java.io.IOException} when the connection closes first.
     */
    public CompletableFuture<RemotingCommand> invoke(Channel client, int code, Map<String, String> fields, byte[] body,
            Duration timeout) {
        return clientCalls.call(client, code, fields, body, timeout);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops listening and serving; closing again (after a failed start, say) does nothing. */
    @Override
    public void close() {
        if (serverChannel != null && serverChannel.isOpen()) {
            serverChannel.close().syncUninterruptibly();
        }
        moreChannels.stream().filter(Channel::isOpen).forEach(channel -> channel.close().syncUninterruptibly());
        if (boss != null && !boss.isShuttingDown()) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}

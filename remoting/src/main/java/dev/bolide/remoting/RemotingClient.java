package dev.bolide.remoting;

import dev.bolide.protocol.remoting.AclSignature;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RemotingFrameCodec;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The client side of the remoting protocol, for the broker's own calls to other servers (name
 * servers) and for the Bolide client. Servers are named {@code host:port}; the connection to each is
 * opened on first use and again after it closed. Requests never block the caller: {@link #invoke}
 * returns a future that the response with the same opaque completes, or that fails on timeout or
 * when the connection cannot be opened or closes. Requests a server sends on its own (RocketMQ
 * brokers notify consumers this way) go to the {@link ServerRequestHandler} given at construction.
 */
public final class RemotingClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RemotingClient.class.getName());
    /** RocketMQ's client {@code connectTimeoutMillis}. */
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;
    /** The {@code host:port} a connection was opened to, as callers name it. */
    private static final AttributeKey<String> ADDRESS = AttributeKey.valueOf("bolide.server.address");

    /** A request waiting for its response; {@code connection} is set once it is written. */
    private static final class Pending {
        final CompletableFuture<RemotingCommand> response = new CompletableFuture<>();
        volatile Channel connection;
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1,
            new DefaultThreadFactory("bolide-remoting-client", true));
    private final Map<String, ChannelFuture> connections = new ConcurrentHashMap<>();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger opaques = new AtomicInteger();
    private final Bootstrap bootstrap;
    private final ServerRequestHandler serverRequests;
    private volatile Consumer<String> connectionClosedListener = address -> { };
    /** What each request's header fields become before it is sent: themselves, or signed. */
    private volatile BiFunction<Map<String, String>, byte[], Map<String, String>> signer = (fields, body) -> fields;
    private volatile boolean closed;

    /** A client that drops the requests servers send on their own. */
    public RemotingClient() {
        this(ServerRequestHandler.IGNORE);
    }

    public RemotingClient(ServerRequestHandler serverRequests) {
        this(serverRequests, null);
    }

    /** @param tls TLS on every connection; null: plain connections */
    public RemotingClient(ServerRequestHandler serverRequests, ClientTls tls) {
        this.serverRequests = serverRequests;
        ConnectionGuard guard = new ConnectionGuard();
        bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new LengthFieldBasedFrameDecoder(RemotingFrameCodec.MAX_FRAME_LENGTH, 0,
                                        RemotingFrameCodec.LENGTH_FIELD, 0, RemotingFrameCodec.LENGTH_FIELD))
                                .addLast(new CommandCodec())
                                .addLast(new ResponseMatcher())
                                .addLast(guard);
                        if (tls != null) {
                            tls.secure(channel);
                        }
                    }
                });
    }

    /**
     * Signs every request from now on with {@code accessKey} and {@code secretKey}, as rocketmq-acl's
     * {@code AclClientRPCHook} does, for brokers with access control.
     */
    public RemotingClient signingAs(String accessKey, String secretKey) {
        return signingAs(accessKey, () -> secretKey);
    }

    /** As {@link #signingAs(String, String)}, with the secret key as it is at each request (it may be rotated). */
    public RemotingClient signingAs(String accessKey, Supplier<String> secretKey) {
        signer = (fields, body) -> AclSignature.sign(fields == null ? Map.of() : fields, body, accessKey,
                secretKey.get());
        return this;
    }

    /**
     * Calls {@code listener} with the address of each established connection that closes while this
     * client is open (the server went away, or dropped the connection), on the I/O thread: it must
     * not block. Replaces the previous listener.
     */
    public void onConnectionClosed(Consumer<String> listener) {
        connectionClosedListener = listener;
    }

    /**
     * Sends a JSON request to {@code address} and completes with its response; fails with a
     * {@link TimeoutException} when none came within {@code timeout} (connecting included), or with
     * an {@link IOException} when the connection cannot be opened or closes first.
     *
     * @throws IllegalArgumentException when {@code address} is not {@code host:port}
     */
    public CompletableFuture<RemotingCommand> invoke(String address, int code, Map<String, String> fields,
            byte[] body, Duration timeout) {
        socketAddress(address); // a malformed address is the caller's mistake: refused at once
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("remoting client closed"));
        }
        int opaque = opaques.incrementAndGet();
        Pending call = new Pending();
        pending.put(opaque, call);
        var timer = group.schedule(() -> call.response.completeExceptionally(new TimeoutException(
                "no response from " + address + " to request " + code + " within " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        call.response.whenComplete((response, failure) -> {
            timer.cancel(false);
            pending.remove(opaque);
        });
        connection(address).whenComplete((channel, failure) -> {
            if (failure != null) {
                call.response.completeExceptionally(failure);
                return;
            }
            call.connection = channel;
            channel.writeAndFlush(command(code, opaque, 0, fields, body)).addListener(written -> {
                if (!written.isSuccess()) {
                    call.response.completeExceptionally(new IOException("cannot write to " + address, written.cause()));
                }
            });
        });
        return call.response;
    }

    /**
     * Whether the caller runs on this client's I/O thread, which completes the futures: waiting
     * there for another response would wait forever.
     */
    public boolean inIoThread() {
        return group.next().inEventLoop();
    }

    /** Sends a oneway request (no response will come); completes once it is written. */
    public CompletableFuture<Void> invokeOneway(String address, int code, Map<String, String> fields, byte[] body) {
        socketAddress(address);
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("remoting client closed"));
        }
        RemotingCommand request = command(code, opaques.incrementAndGet(), RemotingCommand.ONEWAY_FLAG, fields, body);
        return connection(address).thenCompose(channel -> {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            channel.writeAndFlush(request).addListener(written -> {
                if (written.isSuccess()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(new IOException("cannot write to " + address, written.cause()));
                }
            });
            return sent;
        });
    }

    private RemotingCommand command(int code, int opaque, int flag, Map<String, String> fields, byte[] body) {
        return new RemotingCommand(code, LanguageCode.JAVA, RemotingCommand.BOLIDE_VERSION, opaque, flag, null,
                signer.apply(fields, body), body, SerializeType.JSON);
    }

    /** The open (or opening) connection to {@code address}; a new one when there is none or it closed. */
    private CompletableFuture<Channel> connection(String address) {
        ChannelFuture connect = connections.compute(address, (key, existing) ->
                existing != null && (!existing.isDone() || existing.channel().isActive()) ? existing : open(key));
        CompletableFuture<Channel> channel = new CompletableFuture<>();
        connect.addListener(done -> {
            if (done.isSuccess()) {
                channel.complete(connect.channel());
            } else {
                channel.completeExceptionally(connectFailure(address, done.cause()));
            }
        });
        return channel;
    }

    private ChannelFuture open(String address) {
        ChannelFuture connect = bootstrap.connect(socketAddress(address));
        connect.channel().attr(ADDRESS).set(address);
        connect.channel().closeFuture().addListener(closedChannel -> {
            connections.remove(address, connect);
            if (connect.isSuccess() && !closed) {
                connectionClosedListener.accept(address);
            }
        });
        return connect;
    }

    private static IOException connectFailure(String address, Throwable cause) {
        IOException failure = new ConnectException("cannot connect to " + address + ": " + cause.getMessage());
        failure.initCause(cause);
        return failure;
    }

    /** {@code host:port}; resolved by Netty when connecting, so a slow DNS never blocks the caller. */
    private static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return InetSocketAddress.createUnresolved(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not host:port: " + address, e);
        }
    }

    /** Hands each response to the request with its opaque; a closed connection fails its requests. */
    private final class ResponseMatcher extends SimpleChannelInboundHandler<RemotingCommand> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
            if (!command.isResponse()) {
                answer(ctx.channel(), command);
                return;
            }
            Pending call = pending.get(command.opaque());
            if (call == null) {
                LOG.log(System.Logger.Level.DEBUG, "dropping {0} from {1}: no request waits for it", command,
                        ctx.channel().remoteAddress());
                return;
            }
            call.response.complete(command);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            IOException closedEarly = new IOException("connection to " + ctx.channel().remoteAddress()
                    + " closed before the response came");
            pending.values().stream().filter(call -> call.connection == ctx.channel())
                    .forEach(call -> call.response.completeExceptionally(closedEarly));
            super.channelInactive(ctx);
        }
    }

    /** Hands a server's own request to the handler and writes its answer, if any. */
    private void answer(Channel channel, RemotingCommand request) {
        RemotingCommand response;
        try {
            response = serverRequests.handle(channel.attr(ADDRESS).get(), request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handling " + request + " failed", e);
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.toString(), null, null);
        }
        if (response != null && !request.isOneway()) {
            channel.writeAndFlush(response);
        }
    }

    /** Closes every connection; requests still waiting fail. */
    @Override
    public void close() {
        closed = true;
        connections.values().forEach(connect -> connect.channel().close());
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        IOException closing = new IOException("remoting client closed");
        pending.values().forEach(call -> call.response.completeExceptionally(closing));
    }
}

package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each request to the processor registered for its code, on that processor's executor, once
 * the {@link RequestGuard} lets it through, and
 * writes the answer back with the request's opaque and serialize type. Oneway requests never get
 * an answer, not even an error. Responses go to the server's own calls ({@link ClientCalls}).
 */
@ChannelHandler.Sharable
final class RequestDispatcher extends SimpleChannelInboundHandler<RemotingCommand> {
    private static final System.Logger LOG = System.getLogger(RequestDispatcher.class.getName());

    /** A processor and the executor its requests run on. */
    record Registration(RequestProcessor processor, Executor executor) {
    }

    private final Map<Integer, Registration> registrations;
    private final ClientCalls clientCalls;
    private final RequestGuard guard;

    RequestDispatcher(Map<Integer, Registration> registrations, ClientCalls clientCalls, RequestGuard guard) {
        this.registrations = Map.copyOf(registrations);
        this.clientCalls = clientCalls;
        this.guard = guard;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
        if (command.isResponse() && clientCalls.answered(command)) {
            return;
        }
        if (command.isResponse()) {
            LOG.log(System.Logger.Level.DEBUG, "dropping unexpected response {0} from {1}", command, ctx.channel());
            return;
        }
        Registration registration = registrations.get(command.code());
        if (registration == null) {
            answer(ctx, command, UnsupportedRequest.answer(command));
            return;
        }
        try {
            registration.executor().execute(new QueuedRequest(System.currentTimeMillis(),
                    () -> process(ctx, command, registration.processor())));
        } catch (RejectedExecutionException e) {
            answer(ctx, command, error(command, ResponseCode.SYSTEM_BUSY,
                    "[OVERLOAD]system busy, start flow control for a while"));
        }
    }

    private void process(ChannelHandlerContext ctx, RemotingCommand request, RequestProcessor processor) {
        CompletableFuture<RemotingCommand> response;
        try {
            Optional<RequestGuard.Refusal> refusal = guard.check(ctx.channel(), request);
            response = refusal.isPresent()
                    ? CompletableFuture.completedFuture(error(request, refusal.get().code(), refusal.get().remark()))
                    : processor.process(ctx.channel(), request);
        } catch (Exception e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((answer, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "request " + request + " failed", failure);
                answer(ctx, request, error(request, ResponseCode.SYSTEM_ERROR, summary(failure)));
            } else if (answer != null) {
                answer(ctx, request, answer);
            }
        });
    }

    private static void answer(ChannelHandlerContext ctx, RemotingCommand request, RemotingCommand response) {
        if (!request.isOneway()) {
            ctx.writeAndFlush(response);
        }
    }

    private static RemotingCommand error(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark, null, null);
    }

    private static String summary(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}

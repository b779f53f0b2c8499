package dev.bolide.broker.transaction;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * END_TRANSACTION (37), which producers send oneway: commit or roll back the transaction of the
 * half message at {@code commitLogOffset}, once; "unknown" leaves it to the next check-back.
 * Requests that do not name a half message of the producer's group are refused (and logged, since
 * a oneway request gets no answer).
 */
final class EndTransactionProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(EndTransactionProcessor.class.getName());

    private final MessageStore store;
    private final TransactionResolver resolver;

    EndTransactionProcessor(MessageStore store, TransactionResolver resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        EndTransactionHeader header;
        try {
            header = EndTransactionHeader.of(request);
        } catch (IllegalArgumentException e) {
            return refuse(request, e.getMessage());
        }
        Optional<Resolution> resolution = Resolution.requested(header.commitOrRollback());
        if (resolution.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: not decided yet", header.describe());
            return CompletableFuture.completedFuture(null);
        }
        ByteBuffer record = store.lookupMessage(header.commitLogOffset());
        Optional<HalfRecord> half = record == null ? Optional.empty() : HalfRecord.of(record);
        Optional<String> mismatch = half.isEmpty()
                ? Optional.of("no half message at commitLogOffset " + header.commitLogOffset())
                : mismatch(half.get(), header);
        if (mismatch.isPresent()) {
            return refuse(request, header.describe() + ": " + mismatch.get());
        }
        return resolver.resolve(half.get(), resolution.get())
                .thenApply(done -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null));
    }

    private static Optional<String> mismatch(HalfRecord half, EndTransactionHeader header) {
        if (!Objects.equals(half.producerGroup(), header.producerGroup())) {
            return Optional.of("the half message belongs to producer group " + half.producerGroup());
        }
        if (half.queueOffset() != header.tranStateTableOffset()) {
            return Optional.of("the half message is at offset " + half.queueOffset() + " of the half queue, not "
                    + header.tranStateTableOffset());
        }
        return Optional.empty();
    }

    private static CompletableFuture<RemotingCommand> refuse(RemotingCommand request, String reason) {
        LOG.log(System.Logger.Level.WARNING, "END_TRANSACTION refused: {0}", reason);
        return CompletableFuture.completedFuture(
                RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, reason, null, null));
    }
}

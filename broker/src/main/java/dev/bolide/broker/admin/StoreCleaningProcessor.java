package dev.bolide.broker.admin;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The store cleaning mqadmin asks for, as far as Bolide's store allows it:
 * <ul>
 * <li>DELETE_EXPIRED_COMMITLOG ({@code deleteExpiredCommitLog}) deletes the CommitLog files older
 * than {@code fileReservedTime} now, whatever the {@code deleteWhen} hours, as RocketMQ's does;</li>
 * <li>CLEAN_EXPIRED_CONSUMEQUEUE ({@code cleanExpiredCQ}) deletes ConsumeQueue files whose
 * messages the CommitLog no longer holds (each queue keeps its last file, RocketMQ drops the
 * queue);</li>
 * <li>CLEAN_UNUSED_TOPIC ({@code cleanUnusedTopic}) is refused in words: the queues of deleted
 * topics cannot be dropped while the dispatcher may still write to them.</li>
 * </ul>
 */
public final class StoreCleaningProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(StoreCleaningProcessor.class.getName());

    private final MessageStore store;

    public StoreCleaningProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.DELETE_EXPIRED_COMMITLOG -> done(request, store.deleteExpiredFilesNow()
                    + " CommitLog files older than fileReservedTime deleted now, whatever the deleteWhen hours");
            case RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE -> done(request, store.cleanExpiredConsumeQueues()
                    + " ConsumeQueue files of deleted CommitLog data removed");
            default -> RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "cleanUnusedTopic is not supported by Bolide: the ConsumeQueue files of deleted topics stay; "
                            + "retention trims them to their last file with the CommitLog data they refer to", null,
                    null);
        });
    }

    private static RemotingCommand done(RemotingCommand request, String result) {
        LOG.log(System.Logger.Level.INFO, "{0} asked by mqadmin: {1}", RequestCode.name(request.code()), result);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, result, null, null);
    }
}

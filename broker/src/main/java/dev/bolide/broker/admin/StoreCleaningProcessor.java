package dev.bolide.broker.admin;

import dev.bolide.broker.topic.SystemTopics;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The store cleaning mqadmin asks for, each answered SUCCESS as RocketMQ 4.9.7 does (mqadmin prints
 * {@code success}), with what was done in the remark and the log:
 * <ul>
 * <li>DELETE_EXPIRED_COMMITLOG ({@code deleteExpiredCommitLog}) deletes the CommitLog files older
 * than {@code fileReservedTime} now, whatever the {@code deleteWhen} hours, as RocketMQ's does;</li>
 * <li>CLEAN_EXPIRED_CONSUMEQUEUE ({@code cleanExpiredCQ}) deletes the ConsumeQueues whose messages
 * the CommitLog no longer holds at all, as RocketMQ's does, and trims the others;</li>
 * <li>CLEAN_UNUSED_TOPIC ({@code cleanUnusedTopic}) deletes the ConsumeQueues of topics the broker
 * no longer has, as RocketMQ's does.</li>
 * </ul>
 * The system topics (delay levels, timer, transactions) are never deleted whole: RocketMQ spares
 * only the delay levels' topic, but Bolide's timer and transactions keep offsets into their queues.
 */
public final class StoreCleaningProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(StoreCleaningProcessor.class.getName());

    private final MessageStore store;
    private final TopicConfigTable topics;

    public StoreCleaningProcessor(MessageStore store, TopicConfigTable topics) {
        this.store = store;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.DELETE_EXPIRED_COMMITLOG -> done(request, store.deleteExpiredFilesNow()
                    + " CommitLog files older than fileReservedTime deleted now, whatever the deleteWhen hours");
            case RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE -> done(request,
                    store.cleanExpiredConsumeQueues(SystemTopics::isReserved)
                            + " ConsumeQueues whose messages are all deleted removed, the others trimmed");
            default -> done(request, unusedTopicsCleaned());
        });
    }

    private String unusedTopicsCleaned() {
        List<String> deleted = store.deleteQueuesOfUnusedTopics(topic -> topics.find(topic).isPresent()
                || SystemTopics.isReserved(topic));
        return "ConsumeQueues of " + deleted.size() + " topics the broker no longer has deleted: " + deleted;
    }

    private static RemotingCommand done(RemotingCommand request, String result) {
        LOG.log(System.Logger.Level.INFO, "{0} asked by mqadmin: {1}", RequestCode.name(request.code()), result);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, result, null, null);
    }
}

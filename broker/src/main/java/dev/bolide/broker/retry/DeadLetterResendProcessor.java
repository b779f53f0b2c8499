package dev.bolide.broker.retry;

import dev.bolide.broker.ha.Written;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.StoreException;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link BolideRequestCode#RESEND_DEAD_LETTER} (9001), Bolide's own admin request: re-sends the
 * dead letter at CommitLog offset {@code offset} (header field; what its offset message id and
 * {@code MessageExt.getCommitLogOffset()} give) to its original topic ({@link DeadLetterResend}).
 *
 * <p>Answers as a send does, once stored as a send is (the disk under {@code SYNC_FLUSH}, a slave
 * on a SYNC_MASTER): 0 (or a send's 10, 11, 12) with {@code msgId} (offset message id),
 * {@code queueId}, {@code queueOffset}; 1 when no dead letter is at that offset; 17 when its topic no longer exists.
 * Dead letters are found with the usual requests: a pull of {@code %DLQ%<group>} or a query by key
 * on it ({@code mqadmin queryMsgByKey}).
 */
public final class DeadLetterResendProcessor implements RequestProcessor {
    private final DeadLetterResend resend;

    public DeadLetterResendProcessor(DeadLetterResend resend) {
        this.resend = resend;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        try {
            return resend.resend(request.longField("offset")).handle((stored, failure) -> failure == null
                    ? stored(request, stored)
                    : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, failure.getMessage(), null, null));
        } catch (DeadLetterResend.Refused e) {
            return answer(request, e.topicMissing() ? ResponseCode.TOPIC_NOT_EXIST : ResponseCode.SYSTEM_ERROR,
                    e.getMessage());
        } catch (StoreException e) {
            return answer(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }

    private static RemotingCommand stored(RemotingCommand request, Written written) {
        AppendedMessage message = written.appended().messages().get(0);
        return RemotingCommand.responseTo(request, written.sendResponseCode(), null, Map.of(
                "msgId", message.offsetMessageId(),
                "queueId", Integer.toString(message.queueId()),
                "queueOffset", Long.toString(message.queueOffset())), null);
    }

    private static CompletableFuture<RemotingCommand> answer(RemotingCommand request, int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, code, remark, null, null));
    }
}

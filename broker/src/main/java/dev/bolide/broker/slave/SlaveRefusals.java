package dev.bolide.broker.slave;

import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.StoreConfig;
import io.netty.channel.Channel;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The answers a slave gives to the requests that would write, exactly as an Apache RocketMQ 4.9.7
 * slave gives them, so that clients and tools react as they do there (a producer tries another
 * broker, mqadmin prints the remark):
 * <ul>
 * <li>sends (single, V2, batch) and Bolide's dead-letter resend: {@code SERVICE_NOT_AVAILABLE} (14)
 * with RocketMQ's remark naming the disk use, since there it is the store that refuses;</li>
 * <li>CONSUMER_SEND_MSG_BACK: {@code SYSTEM_ERROR} (1), remark {@code SERVICE_NOT_AVAILABLE} (the
 * store's refusal by name), after which a 4.9 consumer sends the message back through its
 * producer, to the master;</li>
 * <li>END_TRANSACTION and Bolide's XA branch requests: {@code SLAVE_NOT_AVAILABLE} (11), with the
 * remark RocketMQ's response starts with and keeps, "not set any response code";</li>
 * <li>topic and subscription group creation, update and deletion: {@code SYSTEM_ERROR} (1) with
 * RocketMQ's "Can't modify topic or subscription group from slave broker" remark.</li>
 * </ul>
 * RocketMQ checks a send's topic and queue before its store refuses it; a slave refuses every send
 * here, so a malformed send gets the slave's answer rather than the reason it is malformed.
 */
public final class SlaveRefusals implements RequestProcessor {
    private static final int[] SENDS = {RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2,
        RequestCode.SEND_BATCH_MESSAGE, BolideRequestCode.RESEND_DEAD_LETTER};
    private static final int[] METADATA_WRITES = {RequestCode.UPDATE_AND_CREATE_TOPIC,
        RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
        RequestCode.DELETE_SUBSCRIPTIONGROUP};
    static final String METADATA_REMARK = "Can't modify topic or subscription group from slave broker, "
            + "please execute it from master broker.";

    private final StoreConfig storeConfig;
    private final int[] branchRequestCodes;

    /**
     * @param storeConfig where the store's files are, for the disk use a refused send reports
     * @param branchRequestCodes the XA branch requests, refused like END_TRANSACTION
     */
    public SlaveRefusals(StoreConfig storeConfig, int[] branchRequestCodes) {
        this.storeConfig = storeConfig;
        this.branchRequestCodes = branchRequestCodes.clone();
    }

    /** Every request code a slave answers with a refusal. */
    public int[] codes() {
        return IntStream.concat(IntStream.concat(IntStream.of(SENDS), IntStream.of(METADATA_WRITES)),
                IntStream.concat(IntStream.of(RequestCode.END_TRANSACTION, RequestCode.CONSUMER_SEND_MSG_BACK),
                        IntStream.of(branchRequestCodes))).toArray();
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        int code = request.code();
        RemotingCommand answer;
        if (IntStream.of(SENDS).anyMatch(send -> send == code)) {
            answer = refuse(request, ResponseCode.SERVICE_NOT_AVAILABLE, "service not available now. It may be "
                    + "caused by one of the following reasons: the broker's disk is full [" + diskUse()
                    + "], messages are put to the slave, message store has been shut down, etc.");
        } else if (code == RequestCode.CONSUMER_SEND_MSG_BACK) {
            answer = refuse(request, ResponseCode.SYSTEM_ERROR, "SERVICE_NOT_AVAILABLE");
        } else if (IntStream.of(METADATA_WRITES).anyMatch(write -> write == code)) {
            answer = refuse(request, ResponseCode.SYSTEM_ERROR, METADATA_REMARK);
        } else {
            answer = refuse(request, ResponseCode.SLAVE_NOT_AVAILABLE, "not set any response code");
        }
        return CompletableFuture.completedFuture(answer);
    }

    private static RemotingCommand refuse(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark, null, null);
    }

    /** RocketMQ's {@code diskUtil()}: the used share of the CommitLog's, queues' and index's disks. */
    private String diskUse() {
        return String.format(Locale.ROOT, "CL: %5.2f CQ: %5.2f INDEX: %5.2f", usedShare(storeConfig.storePathCommitLog()),
                usedShare(storeConfig.consumeQueueDir()), usedShare(storeConfig.indexDir()));
    }

    /** RocketMQ's {@code getDiskPartitionSpaceUsedPercent}: a share rounded up to 0.01; -1 for a missing path. */
    private static double usedShare(Path path) {
        File file = path.toFile();
        long total = file.getTotalSpace();
        if (!file.exists() || total <= 0) {
            return -1;
        }
        long used = total - file.getFreeSpace();
        long entire = used + file.getUsableSpace();
        return (used * 100 / entire + (used * 100 % entire != 0 ? 1 : 0)) / 100.0;
    }
}

package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** PULL_MESSAGE, with long polling: the broker holds the request until a message comes or the hold ends. */
final class Pulls {
    /** PullSysFlag bits, as the broker reads them. */
    private static final int COMMIT_OFFSET = 0x1;
    private static final int SUSPEND = 0x2;
    private static final int SUBSCRIPTION = 0x4;

    private final Routes routes;
    private final Requests requests;

    Pulls(Routes routes, Requests requests) {
        this.routes = routes;
        this.requests = requests;
    }

    CompletableFuture<PullResult> pull(PullRequest request) {
        // the broker answers a held pull only when the hold ends: the request's own timeout comes on top
        return routes.master(request.queue()).thenCompose(address -> requests.call(address, RequestCode.PULL_MESSAGE,
                header(request), null, requests.timeout().plus(request.longPoll())))
                .thenApply(response -> result(response, request.queue().brokerName()));
    }

    private static Map<String, String> header(PullRequest request) {
        Map<String, String> fields = new HashMap<>();
        fields.put("consumerGroup", request.group());
        fields.put("topic", request.queue().topic());
        fields.put("queueId", Integer.toString(request.queue().queueId()));
        fields.put("queueOffset", Long.toString(request.offset()));
        fields.put("maxMsgNums", Integer.toString(request.maxMessages()));
        fields.put("sysFlag", Integer.toString(sysFlag(request)));
        fields.put("commitOffset", Long.toString(Math.max(0, request.commitOffset())));
        fields.put("suspendTimeoutMillis", Long.toString(request.longPoll().toMillis()));
        fields.put("bname", request.queue().brokerName());
        Subscription subscription = request.subscription();
        fields.put("subVersion", Long.toString(subscription == null ? 0 : subscription.version()));
        if (subscription != null) {
            fields.put("subscription", subscription.expression());
            fields.put("expressionType", subscription.type());
        }
        return fields;
    }

    private static int sysFlag(PullRequest request) {
        int flag = request.longPoll().isZero() ? 0 : SUSPEND;
        if (request.commitOffset() != PullRequest.NO_COMMIT) {
            flag |= COMMIT_OFFSET;
        }
        return request.subscription() == null ? flag : flag | SUBSCRIPTION;
    }

    private static PullResult result(RemotingCommand response, String brokerName) {
        PullResult.Status status = switch (response.code()) {
            case ResponseCode.SUCCESS -> PullResult.Status.FOUND;
            case ResponseCode.PULL_NOT_FOUND -> PullResult.Status.NO_NEW_MSG;
            case ResponseCode.PULL_RETRY_IMMEDIATELY -> PullResult.Status.NO_MATCHED_MSG;
            case ResponseCode.PULL_OFFSET_MOVED -> PullResult.Status.OFFSET_ILLEGAL;
            default -> throw new RocketMqException(response.code(), "pull refused with code " + response.code()
                    + ": " + response.remark());
        };
        List<ReceivedMessage> messages = status == PullResult.Status.FOUND
                ? PulledRecords.decode(response.body(), brokerName) : List.of();
        return new PullResult(status, response.longField("nextBeginOffset"), response.longField("minOffset"),
                response.longField("maxOffset"), messages);
    }
}

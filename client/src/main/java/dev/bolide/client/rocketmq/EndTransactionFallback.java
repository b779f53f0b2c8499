package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Branches on a broker without Bolide's branch requests (an Apache RocketMQ broker answers them
 * REQUEST_CODE_NOT_SUPPORTED): a one-phase commit or a rollback there becomes one END_TRANSACTION
 * per half message of the branch, in send order, each awaited. To send them, this class keeps, for
 * every open branch, what END_TRANSACTION needs of each half message; and since such a broker checks
 * half messages back with their producer group, it answers CHECK_TRANSACTION_STATE for them: commit
 * for a branch it committed, unknown while the branch is open, rollback otherwise (a branch it does
 * not know was lost with an earlier client, so nothing will ever commit it).
 */
final class EndTransactionFallback {
    private static final System.Logger LOG = System.getLogger(EndTransactionFallback.class.getName());
    /** How many decided branches are remembered for check-backs; the oldest are forgotten first. */
    private static final int DECIDED_KEPT = 100_000;

    private final Routes routes;
    private final Requests requests;
    private final Map<String, List<SentHalfMessage>> open = new ConcurrentHashMap<>();
    private final Map<String, Boolean> committed = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > DECIDED_KEPT;
        }
    });

    EndTransactionFallback(Routes routes, Requests requests) {
        this.routes = routes;
        this.requests = requests;
    }

    /** A half message of {@code branch} was stored. */
    void sent(String branch, String producerGroup, SendResult result) {
        open.computeIfAbsent(branch, b -> Collections.synchronizedList(new ArrayList<>()))
                .add(SentHalfMessage.of(producerGroup, result));
    }

    /** The broker decided the branch through Bolide's branch requests: nothing here to keep. */
    void forget(String branch) {
        open.remove(branch);
    }

    /**
     * Commits or rolls back every half message the branch sent to {@code brokerName}, one
     * END_TRANSACTION after the other; the branch is then over for this client.
     */
    CompletableFuture<Void> end(String brokerName, String branch, boolean commit) {
        List<SentHalfMessage> halves = open.getOrDefault(branch, List.of());
        List<SentHalfMessage> toEnd;
        synchronized (halves) {
            toEnd = halves.stream().filter(half -> half.brokerName().equals(brokerName)).toList();
            halves.removeAll(toEnd);
            committed.put(branch, commit);
            if (halves.isEmpty()) {
                open.remove(branch);
            }
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (SentHalfMessage half : toEnd) {
            chain = chain.thenCompose(done -> end(half, commit));
        }
        return chain;
    }

    /** Commits or rolls back one half message (END_TRANSACTION, not from a check-back); completes on the answer. */
    CompletableFuture<Void> end(SentHalfMessage half, boolean commit) {
        return routes.master(half.brokerName()).thenCompose(address -> requests.call(address,
                RequestCode.END_TRANSACTION, endTransaction(half.producerGroup(), half.queueOffset(),
                        half.commitLogOffset(), half.msgId(), commit, false), null))
                .thenAccept(response -> Requests.expect(response, ResponseCode.SUCCESS));
    }

    /**
     * Answers a broker's CHECK_TRANSACTION_STATE (oneway, as RocketMQ producers do) when it is about a
     * half message sent in a branch.
     *
     * @return whether the request was about a branch (otherwise it is someone else's to answer)
     */
    boolean answerCheck(String server, RemotingCommand check) {
        if (check.body() == null) {
            return false;
        }
        MessageRecordView record = new MessageRecordView().wrap(ByteBuffer.wrap(check.body()), 0);
        String properties = record.properties();
        String branch = MessageProperties.find(properties, PropertyKeys.XA_BRANCH);
        if (branch == null) {
            return false;
        }
        Optional<Boolean> commit = decision(branch);
        if (commit.isEmpty()) {
            return true;
        }
        Map<String, String> fields = endTransaction(MessageProperties.find(properties, PropertyKeys.PRODUCER_GROUP),
                check.longField("tranStateTableOffset"), check.longField("commitLogOffset"), check.field("msgId"),
                commit.get(), true);
        requests.oneway(server, RequestCode.END_TRANSACTION, fields, null).exceptionally(failure -> {
            LOG.log(System.Logger.Level.DEBUG, "cannot answer the check-back of branch {0}: {1}", branch, failure);
            return null;
        });
        return true;
    }

    /**
     * What a check-back of a message of {@code branch} is answered: empty (no answer, "unknown")
     * while it is open; true (commit) once committed; false (rollback) once rolled back, and for a
     * branch this client does not know.
     */
    Optional<Boolean> decision(String branch) {
        return open.containsKey(branch) ? Optional.empty() : Optional.of(committed.getOrDefault(branch, false));
    }

    /** The END_TRANSACTION header deciding one half message. */
    static Map<String, String> endTransaction(String producerGroup, long queueOffset, long commitLogOffset,
            String msgId, boolean commit, boolean fromCheck) {
        Map<String, String> fields = new HashMap<>();
        fields.put("producerGroup", producerGroup);
        fields.put("tranStateTableOffset", Long.toString(queueOffset));
        fields.put("commitLogOffset", Long.toString(commitLogOffset));
        fields.put("commitOrRollback", Integer.toString(
                commit ? MessageSysFlag.TRANSACTION_COMMIT_TYPE : MessageSysFlag.TRANSACTION_ROLLBACK_TYPE));
        fields.put("fromTransactionCheck", Boolean.toString(fromCheck));
        fields.put("msgId", msgId);
        fields.put("transactionId", msgId);
        return fields;
    }
}

package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.protocol.xa.BranchReceipt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * XA branches on the brokers ({@link BolideRequestCode} 9002 to 9006): half messages sent in a branch,
 * and the branch's prepare, commit, rollback, recover and forget. A branch lives on one broker; a
 * transaction that sent to several has a branch on each, under the same branch id, decided broker
 * by broker (the branch of a local transaction over several brokers is made atomic by them, through
 * {@link CrossBrokerCommit}: see {@link #prepareBranch(String, String, int, List, String)},
 * {@link #commitDecision} and {@link #branchOutcome}, BolideRequestCode.BRANCH_OUTCOME). A refusal is
 * a {@link RocketMqException} whose {@link RocketMqException#responseCode() response code} is one of
 * {@code BolideResponseCode}'s, for the XA layer to map to XAException codes.
 *
 * <p>On an Apache RocketMQ broker, which answers REQUEST_CODE_NOT_SUPPORTED, a one-phase commit and
 * a rollback still work (through {@link EndTransactionFallback}), which is all transacted sessions
 * need; a prepare, a two-phase commit, recover and forget fail saying that XA needs a Bolide broker.
 */
public final class XaBranches {
    private static final JsonFactory JSON = new JsonFactory();

    private final Routes routes;
    private final Requests requests;
    private final Sender sender;
    private final EndTransactionFallback fallback;
    /** Set once a broker refused a batch of two half messages: from then on they go one by one. */
    private volatile boolean halfBatchesRefused;

    XaBranches(Routes routes, Requests requests, Sender sender, EndTransactionFallback fallback) {
        this.routes = routes;
        this.requests = requests;
        this.sender = sender;
        this.fallback = fallback;
    }

    /**
     * Sends {@code message} as a half message of the branch: a RocketMQ transactional send
     * ({@code TRAN_MSG}, {@code PGROUP}, the prepared sysFlag) tagged with {@code BOLIDE_XID}. The
     * result names the broker, which is the one to prepare and commit the branch on.
     *
     * @param branchId the branch id's text ({@link BranchId#text()})
     */
    public SendResult sendHalf(String producerGroup, String branchId, OutgoingMessage message,
            QueueSelector selector) {
        return requests.await(sendHalfAsync(producerGroup, branchId, message, selector));
    }

    /** {@link #sendHalf} without waiting. */
    public CompletableFuture<SendResult> sendHalfAsync(String producerGroup, String branchId,
            OutgoingMessage message, QueueSelector selector) {
        BranchId.parse(branchId);
        OutgoingMessage half = message.asHalf(producerGroup, branchHalf(branchId));
        return sender.send(producerGroup, half, selector).thenApply(result -> {
            fallback.sent(branchId, producerGroup, result);
            return result;
        });
    }

    /**
     * {@link #sendHalfAsync} for several messages of one topic in one request and one append
     * (SEND_BATCH_MESSAGE), which a Bolide broker accepts for the half messages of a branch. A refused
     * batch goes again as its two halves, one after the other: a broker whose maxMessageSize is below
     * the batch's bodies takes them so. A broker that refuses two messages (Apache RocketMQ refuses
     * every transactional batch) gets them one by one, and so does every batch after it.
     *
     * @param messages of one topic, each {@link OutgoingMessage#fitsBatch() fitting a batch}
     * @param selector  the queue they all go to; null: the next in turn
     */
    public CompletableFuture<List<SendResult>> sendHalvesAsync(String producerGroup, String branchId,
            List<OutgoingMessage> messages, QueueSelector selector) {
        BranchId.parse(branchId);
        if (messages.size() == 1 || halfBatchesRefused) {
            return oneByOne(producerGroup, branchId, messages, selector);
        }
        OutgoingMessage batch = OutgoingMessage.of(messages.get(0).topic(), new byte[0], Map.of())
                .asHalf(producerGroup, branchHalf(branchId));
        return sender.sendBatch(producerGroup, batch, messages, selector).exceptionallyCompose(failure -> {
            if (RocketMqException.of(failure).responseCode() != ResponseCode.MESSAGE_ILLEGAL) {
                return CompletableFuture.failedFuture(failure);
            }
            if (messages.size() == 2) {
                // a broker without half batches; a message the broker finds illegal fails again, alone
                halfBatchesRefused = true;
            }
            return inHalves(producerGroup, branchId, messages, selector);
        });
    }

    private CompletableFuture<List<SendResult>> inHalves(String producerGroup, String branchId,
            List<OutgoingMessage> messages, QueueSelector selector) {
        int middle = messages.size() / 2;
        return sendHalvesAsync(producerGroup, branchId, messages.subList(0, middle), selector)
                .thenCompose(first -> sendHalvesAsync(producerGroup, branchId,
                        messages.subList(middle, messages.size()), selector)
                        .thenApply(second -> Stream.concat(first.stream(), second.stream()).toList()));
    }

    private CompletableFuture<List<SendResult>> oneByOne(String producerGroup, String branchId,
            List<OutgoingMessage> messages, QueueSelector selector) {
        List<CompletableFuture<SendResult>> sent = messages.stream()
                .map(message -> sendHalfAsync(producerGroup, branchId, message, selector)).toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(all -> sent.stream().map(CompletableFuture::join).toList());
    }

    /**
     * What makes a half message one of the branch. The broker answers without waiting for its disk
     * ({@code WAIT=false}) even under SYNC_FLUSH: a half message matters only once its branch is
     * prepared or committed, and both are answered after a flush that covers every earlier record;
     * the count of messages they carry tells a broker that crashed meanwhile that it lost some.
     */
    private static Map<String, String> branchHalf(String branchId) {
        return Map.of(PropertyKeys.XA_BRANCH, branchId, PropertyKeys.WAIT_STORE_MSG_OK, "false");
    }

    /**
     * Makes the branch durable on the broker; from then on only a commit or rollback decides it.
     *
     * @param sent how many half messages this client sent to the broker in the branch, which the broker
     *             checks it still holds (BRANCH_INCOMPLETE otherwise); -1 when not known
     */
    public void prepareBranch(String brokerName, String branchId, int sent) {
        prepareBranch(brokerName, branchId, sent, List.of());
    }

    /**
     * Makes the branch durable on the broker with the messages received in it from the broker's
     * queues: its group is not delivered them again, its commit consumes them, its rollback gives them
     * back through the group's retry topic (header {@code receipts}, sent only when there are some).
     */
    public void prepareBranch(String brokerName, String branchId, int sent, List<BranchReceipt> receipts) {
        expectSuccess(brokerName, call(brokerName, BolideRequestCode.BRANCH_PREPARE,
                prepareFields(branchId, sent, receipts)));
    }

    private static Map<String, String> prepareFields(String branchId, int sent, List<BranchReceipt> receipts) {
        Map<String, String> fields = branchFields(branchId, sent);
        if (!receipts.isEmpty()) {
            fields.put("receipts", BranchReceipt.format(receipts));
        }
        return fields;
    }

    /**
     * Delivers every message of the branch, all visible at once.
     *
     * @param onePhase commit without a prepare (the only commit an Apache RocketMQ broker allows)
     * @param sent     as for {@link #prepareBranch}, checked by a one-phase commit
     */
    public void commitBranch(String brokerName, String branchId, boolean onePhase, int sent) {
        Map<String, String> fields = branchFields(branchId, sent);
        fields.put("onePhase", Boolean.toString(onePhase));
        decide(brokerName, branchId, call(brokerName, BolideRequestCode.BRANCH_COMMIT, fields), onePhase, true);
    }

    /**
     * {@link #prepareBranch} of a local transaction that spans brokers: the broker keeps the address
     * of {@code coordinatorBroker}, which it asks for the outcome (BRANCH_OUTCOME) should the branch
     * stay prepared past its transaction timeout, and holds {@code receipts} as any prepare does.
     */
    public void prepareBranch(String brokerName, String branchId, int sent, List<BranchReceipt> receipts,
            String coordinatorBroker) {
        Map<String, String> fields = prepareFields(branchId, sent, receipts);
        fields.put("coordinator", requests.await(routes.master(coordinatorBroker)));
        expectSuccess(brokerName, call(brokerName, BolideRequestCode.BRANCH_PREPARE, fields));
    }

    /**
     * Commits, in one phase, the coordinator's branch of a local transaction that spans brokers: its
     * success is the transaction's decision, which the broker keeps until the participants applied it.
     *
     * @param participants the brokers whose branches were prepared naming this one
     */
    public void commitDecision(String brokerName, String branchId, int sent, Collection<String> participants) {
        Map<String, String> fields = branchFields(branchId, sent);
        fields.put("onePhase", "true");
        fields.put("participants", String.join(",", participants));
        expectSuccess(brokerName, call(brokerName, BolideRequestCode.BRANCH_COMMIT, fields));
    }

    /**
     * What the coordinator of a local transaction that spans brokers decided: {@code COMMIT},
     * {@code ROLLBACK} (it rolls back its own branch if still open, so that no commit comes after),
     * or {@code UNKNOWN}.
     */
    public String branchOutcome(String coordinatorBroker, String branchId) {
        RemotingCommand response = call(coordinatorBroker, BolideRequestCode.BRANCH_OUTCOME, branchFields(branchId));
        expectSuccess(coordinatorBroker, response);
        return response.field("outcome");
    }

    /** Discards every message of the branch. */
    public void rollbackBranch(String brokerName, String branchId) {
        decide(brokerName, branchId, call(brokerName, BolideRequestCode.BRANCH_ROLLBACK, branchFields(branchId)),
                true, false);
    }

    /** The branches of the broker, whoever prepared them, that are prepared and undecided or heuristically rolled back. */
    public List<String> recoverBranches(String brokerName) {
        RemotingCommand response = call(brokerName, BolideRequestCode.BRANCH_RECOVER, new HashMap<>());
        expectSuccess(brokerName, response);
        return parseBranchList(response.body());
    }

    /** Lets the broker forget a branch it rolled back heuristically. */
    public void forgetBranch(String brokerName, String branchId) {
        expectSuccess(brokerName, call(brokerName, BolideRequestCode.BRANCH_FORGET, branchFields(branchId)));
    }

    /** The names of the cluster's brokers, sorted: where XA recover asks. */
    public List<String> brokerNames() {
        return List.copyOf(requests.await(routes.brokerMasters()).keySet());
    }

    private void decide(String brokerName, String branchId, RemotingCommand response, boolean fallbackAllowed,
            boolean commit) {
        if (response.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED && fallbackAllowed) {
            requests.await(fallback.end(brokerName, branchId, commit));
            return;
        }
        expectSuccess(brokerName, response);
        fallback.forget(branchId);
    }

    private RemotingCommand call(String brokerName, int code, Map<String, String> fields) {
        return requests.await(routes.master(brokerName).thenCompose(address -> requests.call(address, code, fields,
                null)));
    }

    private static void expectSuccess(String brokerName, RemotingCommand response) {
        if (response.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            throw new RocketMqException(response.code(), "XA needs a Bolide broker: broker " + brokerName
                    + " does not support the branch requests");
        }
        Requests.expect(response, ResponseCode.SUCCESS);
    }

    private static Map<String, String> branchFields(String branchId) {
        BranchId.parse(branchId);
        Map<String, String> fields = new HashMap<>();
        fields.put("branch", branchId);
        return fields;
    }

    private static Map<String, String> branchFields(String branchId, int sent) {
        Map<String, String> fields = branchFields(branchId);
        if (sent >= 0) {
            fields.put("messages", Integer.toString(sent));
        }
        return fields;
    }

    private static List<String> parseBranchList(byte[] body) {
        List<String> branches = new ArrayList<>();
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new RocketMqException(ResponseCode.SYSTEM_ERROR, "BRANCH_RECOVER answered no JSON array");
            }
            while (json.nextToken() == JsonToken.VALUE_STRING) {
                branches.add(json.getText());
            }
        } catch (IOException e) {
            throw new RocketMqException("BRANCH_RECOVER answered no JSON array", e);
        }
        return branches;
    }
}

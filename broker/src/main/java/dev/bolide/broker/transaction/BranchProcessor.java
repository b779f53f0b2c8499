package dev.bolide.broker.transaction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.protocol.xa.BranchReceipt;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The XA branch requests, {@link BolideRequestCode#BRANCH_PREPARE} to
 * {@link BolideRequestCode#BRANCH_FORGET}: reads header {@code branch} (and {@code onePhase},
 * {@code messages}, {@code receipts}), asks the {@link BranchCoordinator}, answers with its code;
 * BRANCH_RECOVER answers a JSON array of branch ids.
 */
final class BranchProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final BranchCoordinator branches;

    BranchProcessor(BranchCoordinator branches) {
        this.branches = branches;
    }

    /** The request codes this processor serves. */
    static final int[] CODES = {BolideRequestCode.BRANCH_PREPARE, BolideRequestCode.BRANCH_COMMIT,
        BolideRequestCode.BRANCH_ROLLBACK, BolideRequestCode.BRANCH_RECOVER, BolideRequestCode.BRANCH_FORGET};

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        if (request.code() == BolideRequestCode.BRANCH_RECOVER) {
            return answer(request, BranchCoordinator.Answer.DONE, json(branches.recoverable()));
        }
        String branch;
        int sent;
        List<BranchReceipt> receipts;
        try {
            branch = BranchId.parse(request.requiredField("branch")).text();
            sent = sentCount(request.field("messages"));
            receipts = BranchReceipt.parse(request.field("receipts"));
        } catch (IllegalArgumentException e) {
            return answer(request, new BranchCoordinator.Answer(ResponseCode.SYSTEM_ERROR, e.getMessage()), null);
        }
        BranchCoordinator.Answer answer = switch (request.code()) {
            case BolideRequestCode.BRANCH_PREPARE -> branches.prepare(branch, sent, receipts);
            case BolideRequestCode.BRANCH_COMMIT -> branches.commit(branch,
                    Boolean.parseBoolean(request.field("onePhase")), sent);
            case BolideRequestCode.BRANCH_ROLLBACK -> branches.rollback(branch);
            case BolideRequestCode.BRANCH_FORGET -> branches.forget(branch);
            default -> new BranchCoordinator.Answer(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "not a branch request: " + request.code());
        };
        return branches.settled(answer).thenApply(settled -> response(request, settled, null));
    }

    /** Header {@code messages}: how many messages the client sent in the branch; -1 when it does not say. */
    private static int sentCount(String field) {
        if (field == null) {
            return -1;
        }
        try {
            int sent = Integer.parseInt(field);
            if (sent >= 0) {
                return sent;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("header messages is a count of messages, not " + field);
    }

    private static CompletableFuture<RemotingCommand> answer(RemotingCommand request, BranchCoordinator.Answer answer,
            byte[] body) {
        return CompletableFuture.completedFuture(response(request, answer, body));
    }

    private static RemotingCommand response(RemotingCommand request, BranchCoordinator.Answer answer, byte[] body) {
        return RemotingCommand.responseTo(request, answer.code(), answer.remark(), null, body);
    }

    private static byte[] json(List<String> branchIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (String branch : branchIds) {
                json.writeString(branch);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

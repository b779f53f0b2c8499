package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.send.SendRequests;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.SmallVolume;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole broker on a 128 MB tmpfs (its timer wheel alone takes 21 MB) that fills up while group CG has consumed nothing: sends are
 * answered SERVICE_NOT_AVAILABLE (14) saying why, the broker stays up and serves pulls, sends
 * resume once space returns, and every acknowledged message is pulled back, also after a restart.
 */
@ExtendWith(NoThreadLeaks.class)
class BrokerOnAFullDiskTest {
    private static final String TOPIC = "TopicTest";
    private static final int QUEUES = 4;
    private static final int MIB = 1024 * 1024;
    /** A send rate on tmpfs outruns a retention round by far; this many refusals must include one from a round. */
    private static final int MAX_REFUSALS = 2000;

    @TempDir
    Path dir;
    private int opaque;

    private BrokerSettings settings(Path root) {
        return LoopbackBroker.settings(dir, "broker-a").set(Settings.STORE_PATH_ROOT_DIR, root)
                .set(Settings.FLUSH_DISK_TYPE, FlushDiskType.SYNC_FLUSH).set(Settings.MAPPED_FILE_SIZE_COMMIT_LOG, 4 * MIB)
                .set(Settings.MAX_INDEX_NUM, 20_000).set(Settings.CLEAN_RESOURCE_INTERVAL, Duration.ofMillis(100))
                .set(Settings.DELETE_WHEN, Set.of((LocalTime.now().getHour() + 12) % 24)).build();
    }

    @Test
    void refusesSendsWithCode14ServesPullsResumesAndLosesNothingAcknowledged() throws Exception {
        List<Integer> acknowledged = new ArrayList<>();
        try (SmallVolume volume = SmallVolume.mount(SmallVolume.Kind.TMPFS, dir.resolve("volume"), 128)) {
            Path root = volume.path().resolve("store");
            Path ballast = volume.fillLeaving(48L * MIB);
            try (BolideBroker broker = BolideBroker.start(settings(root));
                    FrameClient client = new FrameClient(broker.port())) {
                createTopicConsumedByNobody(client);
                String refusal = sendUntilARoundRefuses(client, acknowledged);

                assertThat(refusal).contains("disk full", "above diskSpaceWarningLevelRatio 90.0%",
                        "needed by group CG on topic TopicTest");
                assertThat(pullAll(client)).as("served while full").containsExactlyElementsOf(acknowledged);

                volume.delete(ballast);
                sendAfterSpaceReturns(client, acknowledged, 500);
                assertThat(pullAll(client)).containsExactlyElementsOf(acknowledged);
            }
            try (BolideBroker broker = BolideBroker.start(settings(root));
                    FrameClient client = new FrameClient(broker.port())) {
                assertThat(pullAll(client)).as("after a restart").containsExactlyElementsOf(acknowledged);
            }
        }
        System.out.printf("broker on a full tmpfs: %d acknowledged, all pulled back%n", acknowledged.size());
    }

    private void createTopicConsumedByNobody(FrameClient client) throws IOException {
        RemotingCommand created = call(client, RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", TOPIC,
                "readQueueNums", Integer.toString(QUEUES), "writeQueueNums", Integer.toString(QUEUES), "perm", "6"));
        assertThat(created.code()).isEqualTo(ResponseCode.SUCCESS);
        for (int queue = 0; queue < QUEUES; queue++) {
            RemotingCommand committed = call(client, RequestCode.UPDATE_CONSUMER_OFFSET, Map.of("consumerGroup", "CG",
                    "topic", TOPIC, "queueId", Integer.toString(queue), "commitOffset", "0"));
            assertThat(committed.code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    /**
     * Sends until a retention round has marked the disk full; refusals before that (the disk can
     * fill between two rounds) must be code 14 as well. Returns the round's explanation.
     */
    private String sendUntilARoundRefuses(FrameClient client, List<Integer> acknowledged) throws IOException {
        for (int refusals = 0; acknowledged.size() < 200_000 && refusals < MAX_REFUSALS; ) {
            RemotingCommand response = send(client, acknowledged.size());
            if (response.code() == ResponseCode.SUCCESS) {
                acknowledged.add(acknowledged.size());
                continue;
            }
            assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);
            if (response.remark().contains("diskSpaceWarningLevelRatio")) {
                return response.remark();
            }
            refusals++;
        }
        throw new AssertionError("no refusal from a retention round after " + acknowledged.size() + " sends");
    }

    private void sendAfterSpaceReturns(FrameClient client, List<Integer> acknowledged, int count) {
        int target = acknowledged.size() + count;
        // retention frees space on its own schedule: each poll sends until a send is refused again
        await("sends accepted again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            while (acknowledged.size() < target && send(client, acknowledged.size()).code() == ResponseCode.SUCCESS) {
                acknowledged.add(acknowledged.size());
            }
            return acknowledged.size() == target;
        });
    }

    private RemotingCommand send(FrameClient client, int number) throws IOException {
        String body = String.format("%08d", number) + "x".repeat(1016);
        client.send(RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, ++opaque,
                SendRequests.v2Header(TOPIC, number % QUEUES, "WAIT\u0001true"),
                body.getBytes(StandardCharsets.US_ASCII)));
        return client.receive();
    }

    /** Every message of the topic by number, pulled without committing, in number order. */
    private List<Integer> pullAll(FrameClient client) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        for (int queue = 0; queue < QUEUES; queue++) {
            long offset = 0;
            RemotingCommand response;
            while ((response = pull(client, queue, offset)).code() == ResponseCode.SUCCESS) {
                numbers.addAll(bodyNumbers(response));
                offset = Long.parseLong(response.field("nextBeginOffset"));
            }
            assertThat(response.code()).as("end of queue %d: %s", queue, response.remark())
                    .isEqualTo(ResponseCode.PULL_NOT_FOUND);
        }
        numbers.sort(null);
        return numbers;
    }

    private RemotingCommand pull(FrameClient client, int queue, long offset) throws IOException {
        Map<String, String> fields = new HashMap<>();
        fields.put("consumerGroup", "CG");
        fields.put("topic", TOPIC);
        fields.put("queueId", Integer.toString(queue));
        fields.put("queueOffset", Long.toString(offset));
        fields.put("maxMsgNums", "32");
        fields.put("sysFlag", "4");
        fields.put("commitOffset", "0");
        fields.put("suspendTimeoutMillis", "0");
        fields.put("subVersion", "0");
        fields.put("subscription", "*");
        fields.put("expressionType", "TAG");
        return call(client, RequestCode.PULL_MESSAGE, fields);
    }

    private static List<Integer> bodyNumbers(RemotingCommand response) {
        List<Integer> numbers = new ArrayList<>();
        ByteBuffer records = ByteBuffer.wrap(response.body());
        MessageRecordView view = new MessageRecordView();
        for (int at = 0; at < records.limit(); at += view.totalSize()) {
            numbers.add(Integer.parseInt(new String(view.wrap(records, at).bodyBytes(), 0, 8,
                    StandardCharsets.US_ASCII)));
        }
        return numbers;
    }

    private RemotingCommand call(FrameClient client, int code, Map<String, String> fields) throws IOException {
        client.send(RemotingCommand.request(code, ++opaque, fields, null));
        return client.receive();
    }
}

package dev.bolide.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.send.SendRequests;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.MessageStore;
import dev.bolide.store.StoreConfig;
import dev.bolide.testsupport.FreePorts;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and its slave in one JVM, over the HA port: the slave's CommitLog is the master's byte
 * for byte, a SYNC_MASTER answers once the slave has a send, and a restarted slave goes on from
 * where it stopped.
 */
@ExtendWith(NoThreadLeaks.class)
class MasterSlaveReplicationTest {
    private static final String TOPIC = "Replicated";
    private static final int QUEUES = 4;
    private static final int SEGMENT = 1 << 20;
    private static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    private static final int LAST_DELAY_LEVEL = 18;

    @TempDir
    Path dir;
    private int opaque;

    private BrokerSettings.Builder master(BrokerRole role) {
        return LoopbackBroker.settings(dir, "master").set(Settings.BROKER_NAME, "broker-a")
                .set(Settings.BROKER_ROLE, role);
    }

    private BolideBroker startSlave(BolideBroker master) throws Exception {
        return BolideBroker.start(LoopbackBroker.settings(dir, "slave").set(Settings.BROKER_NAME, "broker-a")
                .set(Settings.BROKER_ROLE, BrokerRole.SLAVE).set(Settings.BROKER_ID, 1L)
                .set(Settings.HA_MASTER_ADDRESS, "127.0.0.1:" + master.replication().port()).build());
    }

    private RemotingCommand send(FrameClient client, int number) throws IOException {
        String body = "message " + number + " " + "x".repeat(number % 700);
        client.send(RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, ++opaque,
                SendRequests.v2Header(TOPIC, number % QUEUES, "WAIT\u0001true"), body.getBytes(StandardCharsets.UTF_8)));
        return client.receive();
    }

    private List<Integer> sendAll(FrameClient client, int from, int to) throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (int number = from; number < to; number++) {
            codes.add(send(client, number).code());
        }
        return codes;
    }

    private MessageStore openOffline(String name) throws IOException {
        // as Loopback.brokerSettings configures the brokers' stores
        return MessageStore.open(StoreConfig.builder(dir.resolve(name)).mappedFileSizeCommitLog(SEGMENT)
                .maxMessageSize(64 * 1024).maxHashSlotNum(1024).maxIndexNum(4096).build());
    }

    @Test
    void aSyncMastersSendsAreAnsweredOnceTheSlaveHasThemAndTheSlavesCommitLogIsTheMasters() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER).build());
                BolideBroker slave = startSlave(master);
                FrameClient client = new FrameClient(master.port())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);

            assertThat(sendAll(client, 0, 3_000)).containsOnly(ResponseCode.SUCCESS);
            await().atMost(Duration.ofSeconds(30)).until(() -> slave.replication().bytesReplicated()
                    == master.replication().bytesReplicated());
        }
        try (MessageStore master = openOffline("master"); MessageStore slave = openOffline("slave")) {
            assertThat(master.commitLogMaxOffset()).isGreaterThan(SEGMENT);
            assertThat(slave.commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
            assertSameBytes(master, slave);
            List<String> bodies = new ArrayList<>();
            for (int queue = 0; queue < QUEUES; queue++) {
                Loopback.records(slave, TOPIC, queue).stream().map(MasterSlaveReplicationTest::body).forEach(bodies::add);
            }
            assertThat(bodies).hasSize(3_000).contains("message 0 ", "message 2999 " + "x".repeat(2999 % 700));
        }
    }

    @Test
    void aSyncFlushSyncMasterAnswersOnceItsDiskAndItsSlaveBothHaveASend() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER)
                        .set(Settings.FLUSH_DISK_TYPE, FlushDiskType.SYNC_FLUSH).build());
                BolideBroker slave = startSlave(master);
                FrameClient client = new FrameClient(master.port())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);

            assertThat(sendAll(client, 0, 200)).containsOnly(ResponseCode.SUCCESS);
            // the slave acknowledged all the master holds before the last answer: no bytes behind
            assertThat(master.replication().slaveLagBytes()).hasSize(1).containsValue(0L);
        }
    }

    @Test
    void aSlaveWithoutHaMasterAddressReplicatesFromTheMasterTheNameServerNames() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER).build());
                BolideBroker slave = BolideBroker.start(LoopbackBroker.settings(dir, "slave")
                        .set(Settings.BROKER_NAME, "broker-a").set(Settings.BROKER_ROLE, BrokerRole.SLAVE)
                        .set(Settings.BROKER_ID, 1L).set(Settings.NAMESRV_LISTEN_PORT, BrokerSettings.NO_EMBEDDED_NAME_SERVER)
                        .set(Settings.NAMESRV_ADDR, List.of("127.0.0.1:" + master.nameServerPort())).build());
                FrameClient client = new FrameClient(master.port())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);

            assertThat(send(client, 1).code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(slave.replication().bytesReplicated()).isPositive();
        }
    }

    @Test
    void aSyncMasterWithoutASlaveAnswersSlaveNotAvailableButKeepsTheMessage() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER).build());
                FrameClient client = new FrameClient(master.port())) {
            RemotingCommand answer = send(client, 1);

            assertThat(answer.code()).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
            assertThat(answer.extFields()).containsKey("msgId");
        }
        try (MessageStore master = openOffline("master")) {
            assertThat(Loopback.records(master, TOPIC, 1)).hasSize(1);
        }
    }

    /**
     * A slave that connected and then stops acknowledging (a raw HA connection that reported once):
     * the send waits {@code slaveTimeout}, not {@code syncFlushTimeout}, as in RocketMQ 4.9.7.
     */
    @Test
    void aSyncMasterWaitsForItsSlaveUpToSlaveTimeoutThenAnswersFlushSlaveTimeout() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER)
                .set(Settings.SLAVE_TIMEOUT, Duration.ofMillis(500))
                .set(Settings.SYNC_FLUSH_TIMEOUT, Duration.ofMinutes(5)).build());
                Socket stuckSlave = new Socket("127.0.0.1", master.replication().port());
                FrameClient client = new FrameClient(master.port())) {
            new DataOutputStream(stuckSlave.getOutputStream()).writeLong(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);

            long started = System.nanoTime();
            RemotingCommand answer = send(client, 1);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.code()).isEqualTo(ResponseCode.FLUSH_SLAVE_TIMEOUT);
            assertThat(waited).as("answered after slaveTimeout, long before syncFlushTimeout")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofMinutes(2));
        }
    }

    /** Level 18 (2 h): the retry stays in the delay queue, so nothing else is written meanwhile. */
    private RemotingCommand sendBack(FrameClient client, RemotingCommand sent) throws IOException {
        client.send(RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK, ++opaque, Map.of("group", "CG",
                "offset", Long.toString(MessageId.physicalOffset(sent.field("msgId"))), "delayLevel",
                Integer.toString(LAST_DELAY_LEVEL), "originMsgId", sent.field("msgId"), "originTopic", TOPIC,
                "unitMode", "false"), null));
        return client.receive();
    }

    @Test
    void aSyncMastersSendBackWithoutASlaveIsAnsweredSuccessAsRocketMqAnswersIt() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER).build());
                FrameClient client = new FrameClient(master.port())) {
            RemotingCommand sent = send(client, 1);

            assertThat(sendBack(client, sent).code()).isEqualTo(ResponseCode.SUCCESS);
        }
        try (MessageStore master = openOffline("master")) {
            assertThat(Loopback.records(master, SCHEDULE_TOPIC, LAST_DELAY_LEVEL - 1)).hasSize(1);
        }
    }

    @Test
    void aSyncMastersSendBackIsAnsweredOnceTheSlaveHasTheRetry() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.SYNC_MASTER).build());
                BolideBroker slave = startSlave(master);
                FrameClient client = new FrameClient(master.port())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);
            RemotingCommand sent = send(client, 1);
            assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);

            assertThat(sendBack(client, sent).code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(master.replication().slaveLagBytes()).hasSize(1).containsValue(0L);
        }
        try (MessageStore slave = openOffline("slave")) {
            assertThat(Loopback.records(slave, SCHEDULE_TOPIC, LAST_DELAY_LEVEL - 1)).hasSize(1);
        }
    }

    private static String runtimeInfo(BolideBroker broker) throws IOException {
        try (FrameClient client = new FrameClient(broker.port())) {
            client.send(RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO, 1, Map.of(), null));
            return new String(client.receive().body(), StandardCharsets.UTF_8);
        }
    }

    private static String scrape(int consolePort) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + consolePort + "/metrics")).build(), BodyHandlers.ofString());
        return response.body();
    }

    private static long runtimeFigure(String runtimeInfo, String key) {
        Matcher figure = Pattern.compile("\"" + key + "\":\"(\\d+)\"").matcher(runtimeInfo);
        assertThat(figure.find()).as(key + " in " + runtimeInfo).isTrue();
        return Long.parseLong(figure.group(1));
    }

    @Test
    void theMasterTellsHowFarItsBestSlaveIsBehindAndEachSlavesLagAndTheSlaveNamesItsMaster() throws Exception {
        int consolePort = FreePorts.freePort();
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.ASYNC_MASTER)
                        .set(Settings.CONSOLE_LISTEN_PORT, consolePort).build());
                FrameClient client = new FrameClient(master.port())) {
            assertThat(sendAll(client, 0, 100)).containsOnly(ResponseCode.SUCCESS);
            assertThat(runtimeInfo(master)).doesNotContain("haSlaveFallBehindBytes");
            try (Socket stuckSlave = new Socket("127.0.0.1", master.replication().port())) {
                DataOutputStream reports = new DataOutputStream(stuckSlave.getOutputStream());
                String stuck = "bolide_replication_lag_bytes\\{slave=\"127\\.0\\.0\\.1:" + stuckSlave.getLocalPort()
                        + "\"} ";
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    reports.writeLong(0); // holds nothing, and says so before the master's housekeeping gives up
                    String info = runtimeInfo(master);
                    long end = runtimeFigure(info, "commitLogMaxOffset");
                    assertThat(runtimeFigure(info, "haSlaveFallBehindBytes")).isEqualTo(end);
                    assertThat(scrape(consolePort)).containsPattern(stuck + Pattern.quote(end + ".0"));
                });

                try (BolideBroker slave = startSlave(master)) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                        reports.writeLong(0);
                        assertThat(runtimeFigure(runtimeInfo(master), "haSlaveFallBehindBytes")).isZero();
                        assertThat(scrape(consolePort)).containsPattern(
                                "bolide_replication_lag_bytes\\{slave=\"127\\.0\\.0\\.1:\\d+\"} 0\\.0");
                    });
                    assertThat(runtimeInfo(slave)).contains("\"haMasterAddress\":\"127.0.0.1:"
                            + master.replication().port() + "\"").doesNotContain("haSlaveFallBehindBytes");
                }
            }
        }
    }

    @Test
    void anAsyncMasterAnswersAtOnceWithoutASlave() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.ASYNC_MASTER).build());
                FrameClient client = new FrameClient(master.port())) {
            assertThat(send(client, 1).code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @Test
    void aRestartedSlaveReceivesOnlyWhatItMissed() throws Exception {
        try (BolideBroker master = BolideBroker.start(master(BrokerRole.ASYNC_MASTER).build());
                FrameClient client = new FrameClient(master.port())) {
            try (BolideBroker slave = startSlave(master)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);
                assertThat(sendAll(client, 0, 500)).containsOnly(ResponseCode.SUCCESS);
                await().atMost(Duration.ofSeconds(30)).until(() -> slave.replication().bytesReplicated()
                        == master.replication().bytesReplicated() && master.replication().bytesReplicated() > 0);
            }
            long slaveEnd;
            try (MessageStore slave = openOffline("slave")) {
                slaveEnd = slave.commitLogMaxOffset();
            }
            assertThat(sendAll(client, 500, 800)).containsOnly(ResponseCode.SUCCESS);
            long streamedBefore = master.replication().bytesReplicated();

            long received;
            try (BolideBroker slave = startSlave(master)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().bytesReplicated()
                        > streamedBefore && slave.replication().bytesReplicated()
                        == master.replication().bytesReplicated() - streamedBefore);
                received = slave.replication().bytesReplicated();
            }
            try (MessageStore slave = openOffline("slave")) {
                assertThat(received).as("bytes sent after the restart").isPositive()
                        .isEqualTo(slave.commitLogMaxOffset() - slaveEnd);
            }
        }
        try (MessageStore master = openOffline("master"); MessageStore slave = openOffline("slave")) {
            assertThat(slave.commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
            assertSameBytes(master, slave);
        }
    }

    private static void assertSameBytes(MessageStore master, MessageStore slave) {
        for (long offset = master.commitLogMinOffset(); offset < master.commitLogMaxOffset(); ) {
            ByteBuffer expected = master.replication().read(offset, SEGMENT);
            ByteBuffer actual = slave.replication().read(offset, SEGMENT);
            assertThat(actual.mismatch(expected)).as("first differing byte from %d", offset).isEqualTo(-1);
            offset += expected.remaining();
        }
    }

    private static String body(MessageRecordView record) {
        return new String(record.bodyBytes(), StandardCharsets.UTF_8);
    }
}

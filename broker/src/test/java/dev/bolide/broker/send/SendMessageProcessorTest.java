package dev.bolide.broker.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.timer.TimerService;
import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send processor behind a real remoting server and a real store, driven over loopback. */
class SendMessageProcessorTest {
    private static final TopicConfig TBW102 = new TopicConfig("TBW102", 8, 8,
            TopicConfig.PERM_READ_WRITE | TopicConfig.PERM_INHERIT, TopicConfig.SINGLE_TAG, 0, false);

    @TempDir
    Path dir;
    private MessageStore store;
    private TimerService timers;
    private TopicConfigTable topics;
    private Loopback loopback;

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")), Clock.systemUTC());
        topics.put(TopicConfig.of("TopicTest", 4));
        timers = TimerService.start(store, Loopback.storeConfig(dir), TimerSettings.DEFAULT);
        SendMessageProcessor processor = new SendMessageProcessor(store, topics, timers, "DefaultCluster",
                "DefaultRegion", 64 * 1024, Diversion.NONE);
        loopback = Loopback.start(Map.of(RequestCode.SEND_MESSAGE, processor, RequestCode.SEND_MESSAGE_V2, processor,
                RequestCode.SEND_BATCH_MESSAGE, processor));
    }

    @AfterEach
    void stop() throws IOException {
        loopback.close();
        timers.close();
        store.close();
    }

    private static Map<String, String> v2Header(String topic, int queueId, String properties) {
        return SendRequests.v2Header(topic, queueId, properties);
    }

    private RemotingCommand send(int code, Map<String, String> fields, byte[] body) throws IOException {
        return loopback.call(code, fields, body);
    }

    private RemotingCommand sendV2(String topic, int queueId, String properties, String body) throws IOException {
        return send(RequestCode.SEND_MESSAGE_V2, v2Header(topic, queueId, properties),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private MessageRecordView stored(String topic, int queueId, long offset) {
        await().until(() -> store.maxOffset(topic, queueId) > offset);
        try (GetMessageResult read = store.getMessages(topic, queueId, offset, 1, MessageFilter.ALL)) {
            ByteBuffer copy = ByteBuffer.allocate(read.messages().get(0).remaining()).put(read.messages().get(0)).flip();
            return new MessageRecordView().wrap(copy, 0);
        }
    }

    @Test
    void storesAMessageAndAnswersWhereItWent() throws IOException {
        RemotingCommand response = sendV2("TopicTest", 2, "TAGS\u0001TagA\u0002WAIT\u0001true", "Hello");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsEntry("queueId", "2").containsEntry("queueOffset", "0")
                .containsEntry("MSG_REGION", "DefaultRegion").containsEntry("TRACE_ON", "true");
        MessageRecordView record = stored("TopicTest", 2, 0);
        assertThat(MessageId.physicalOffset(response.field("msgId"))).isEqualTo(record.physicalOffset());
        assertThat(new String(record.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        assertThat(MessageProperties.decode(record.properties())).containsEntry("TAGS", "TagA")
                .containsEntry("CLUSTER", "DefaultCluster").doesNotContainKey("WAIT");
        assertThat(record.bornTimestamp()).isEqualTo(1700000000000L);
    }

    @Test
    void acceptsTheLongHeaderNamesOfSendMessage() throws IOException {
        Map<String, String> fields = new HashMap<>();
        fields.put("producerGroup", "PG");
        fields.put("topic", "TopicTest");
        fields.put("defaultTopic", "TBW102");
        fields.put("defaultTopicQueueNums", "4");
        fields.put("queueId", "1");
        fields.put("sysFlag", "0");
        fields.put("bornTimestamp", "1700000000000");
        fields.put("flag", "0");

        RemotingCommand response = send(RequestCode.SEND_MESSAGE, fields, new byte[] {1});

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.field("queueId")).isEqualTo("1");
    }

    @Test
    void storesEveryItemOfABatchWithConsecutiveOffsets() throws IOException {
        ByteBuffer body = ByteBuffer.allocate(200);
        for (String item : new String[] {"one", "two", "three"}) {
            byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
            byte[] properties = ("KEYS\u0001" + item).getBytes(StandardCharsets.UTF_8);
            body.putInt(20 + bytes.length + 2 + properties.length).putInt(0).putInt(0).putInt(0)
                    .putInt(bytes.length).put(bytes).putShort((short) properties.length).put(properties);
        }
        Map<String, String> header = v2Header("TopicTest", 0, "WAIT\u0001true");
        header.put("m", "true");

        RemotingCommand response = send(RequestCode.SEND_BATCH_MESSAGE, header,
                java.util.Arrays.copyOf(body.array(), body.position()));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.field("msgId").split(",")).hasSize(3);
        assertThat(new String(stored("TopicTest", 0, 2).bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("three");
        assertThat(MessageProperties.decode(stored("TopicTest", 0, 1).properties())).containsEntry("KEYS", "two")
                .containsEntry("CLUSTER", "DefaultCluster");
    }

    @Test
    void aBatchWhoseBodiesExceedMaxMessageSizeIsRefusedWhole() throws IOException {
        ByteBuffer body = ByteBuffer.allocate(3 * (30 * 1024 + 22));
        for (int i = 0; i < 3; i++) {
            body.putInt(30 * 1024 + 22).putInt(0).putInt(0).putInt(0).putInt(30 * 1024).put(new byte[30 * 1024])
                    .putShort((short) 0);
        }
        Map<String, String> header = v2Header("TopicTest", 0, "");
        header.put("m", "true");

        RemotingCommand response = send(RequestCode.SEND_BATCH_MESSAGE, header, body.array());

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("maxMessageSize");
        assertThat(store.maxOffset("TopicTest", 0)).isZero();
    }

    @Test
    void anUnknownTopicIsCreatedFromAnInheritableDefaultTopic() throws IOException {
        assertThat(sendV2("NewTopic", 0, "", "x").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);

        topics.put(TBW102);

        assertThat(sendV2("NewTopic", 0, "", "x").code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(topics.find("NewTopic").orElseThrow().writeQueueNums()).isEqualTo(4);
    }

    @Test
    void refusesBadRequestsWithRocketMqCodesAndKeepsServing() throws IOException {
        assertThat(sendV2("bad topic", 0, "", "x").code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(sendV2("SCHEDULE_TOPIC_XXXX", 0, "", "x").code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(sendV2("TopicTest", 4, "", "x").code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(sendV2("TopicTest", 0, "", "x".repeat(64 * 1024 + 1)).code())
                .isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        Map<String, String> batch = v2Header("TopicTest", 0, "");
        batch.put("m", "true");
        assertThat(send(RequestCode.SEND_BATCH_MESSAGE, batch, new byte[] {0, 0, 0, 99, 1}).code())
                .isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        Map<String, String> missing = v2Header("TopicTest", 0, "");
        missing.remove("g");
        assertThat(send(RequestCode.SEND_MESSAGE_V2, missing, new byte[1]).remark()).contains("bornTimestamp");

        assertThat(sendV2("TopicTest", 0, "", "still fine").code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void aPreparedMessageIsStoredInTheHalfTopicWithItsRealDestination() throws IOException {
        Map<String, String> header = v2Header("TopicTest", 3,
                "TRAN_MSG\u0001true\u0002PGROUP\u0001PG\u0002TRAN_PREPARED_QUEUE_OFFSET\u00017"
                + "\u0002BOLIDE_TIMER_ENTRY\u000148:0");
        header.put("f", "4");

        RemotingCommand response = send(RequestCode.SEND_MESSAGE_V2, header, "half".getBytes(StandardCharsets.UTF_8));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsEntry("queueId", "3").containsEntry("queueOffset", "0");
        MessageRecordView half = stored("RMQ_SYS_TRANS_HALF_TOPIC", 0, 0);
        assertThat(MessageId.physicalOffset(response.field("msgId"))).isEqualTo(half.physicalOffset());
        assertThat(MessageProperties.decode(half.properties())).containsEntry("REAL_TOPIC", "TopicTest")
                .containsEntry("REAL_QID", "3").containsEntry("PGROUP", "PG")
                .as("bookkeeping only the broker writes").doesNotContainKeys("TRAN_PREPARED_QUEUE_OFFSET",
                        "BOLIDE_TIMER_ENTRY");
        assertThat(half.sysFlag() & 0xC).as("transaction type").isZero();
        assertThat(store.maxOffset("TopicTest", 3)).isZero();
    }

    @Test
    void aHalfMessageAskingForATimeBeyondTimerMaxDelaySecIsRefusedWhenSent() throws IOException {
        Map<String, String> header = v2Header("TopicTest", 3, "TRAN_MSG\u0001true\u0002PGROUP\u0001PG"
                + "\u0002TIMER_DELAY_SEC\u0001259201");
        header.put("f", "4");

        RemotingCommand response = send(RequestCode.SEND_MESSAGE_V2, header, "half".getBytes(StandardCharsets.UTF_8));

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("timerMaxDelaySec = 259200");
        assertThat(store.maxOffset("RMQ_SYS_TRANS_HALF_TOPIC", 0)).isZero();
    }

    @Test
    void aTransactionalBatchIsIllegal() throws IOException {
        Map<String, String> header = v2Header("TopicTest", 0, "TRAN_MSG\u0001true");
        header.put("m", "true");
        header.put("f", "4");
        byte[] item = ByteBuffer.allocate(23).putInt(23).putInt(0).putInt(0).putInt(0).putInt(1).put((byte) 1)
                .putShort((short) 0).array();

        RemotingCommand response = send(RequestCode.SEND_BATCH_MESSAGE, header, item);

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(store.maxOffset("RMQ_SYS_TRANS_HALF_TOPIC", 0)).isZero();
        assertThat(store.maxOffset("TopicTest", 0)).isZero();
    }

    @Test
    void aMessageWithTimerPropertiesIsHeldBackUntilItsTime() throws IOException {
        long sent = System.currentTimeMillis();
        RemotingCommand response = sendV2("TopicTest", 3, "TIMER_DELAY_MS\u0001500\u0002UNIQ_KEY\u0001K1", "later");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.field("queueId")).isEqualTo("3");
        assertThat(store.maxOffset("TopicTest", 3)).as("not readable before its time").isZero();
        MessageRecordView delivered = stored("TopicTest", 3, 0);
        assertThat(delivered.storeTimestamp()).isGreaterThanOrEqualTo(sent + 500);
        assertThat(MessageProperties.decode(delivered.properties())).containsEntry("UNIQ_KEY", "K1");
    }

    @Test
    void aDeliveryTimeBeyondTimerMaxDelaySecIsRefusedWithTheLimitNamed() throws IOException {
        RemotingCommand response = sendV2("TopicTest", 0, "TIMER_DELAY_SEC\u0001259201", "too late");

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("timerMaxDelaySec = 259200");
        assertThat(sendV2("TopicTest", 0, "TIMER_DELIVER_MS\u0001soon", "x").remark())
                .contains("TIMER_DELIVER_MS must be a whole number");
    }

    @Test
    void timerPropertiesInABatchAreRefused() throws IOException {
        byte[] item = "x".getBytes(StandardCharsets.UTF_8);
        byte[] properties = "TIMER_DELAY_SEC\u00015".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(100).putInt(20 + item.length + 2 + properties.length).putInt(0)
                .putInt(0).putInt(0).putInt(item.length).put(item).putShort((short) properties.length).put(properties);
        Map<String, String> header = v2Header("TopicTest", 0, "");
        header.put("m", "true");

        RemotingCommand response = send(RequestCode.SEND_BATCH_MESSAGE, header,
                java.util.Arrays.copyOf(body.array(), body.position()));

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("TIMER_DELAY_SEC is not supported on batch messages");
    }

    @Test
    void aProducerCannotSetTheBrokersTimerDeliveryMarker() throws IOException {
        sendV2("TopicTest", 0, "BOLIDE_TIMER_ENTRY\u000148:0", "forged");

        assertThat(MessageProperties.decode(stored("TopicTest", 0, 0).properties()))
                .doesNotContainKey("BOLIDE_TIMER_ENTRY");
        assertThat(sendV2("rmq_sys_wheel_timer", 0, "", "x").code()).isEqualTo(ResponseCode.NO_PERMISSION);
    }
}

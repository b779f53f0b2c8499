package dev.bolide.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offset requests behind a real remoting server and a real store, driven over loopback. */
class ConsumerOffsetProcessorTest {
    private static final int[] CODES = {RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.UPDATE_CONSUMER_OFFSET,
        RequestCode.GET_MIN_OFFSET, RequestCode.GET_MAX_OFFSET, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
        RequestCode.GET_EARLIEST_MSG_STORETIME};

    @TempDir
    Path dir;
    private MessageStore store;
    private Loopback loopback;

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        ConsumerOffsetProcessor processor = new ConsumerOffsetProcessor(store,
                ConsumerOffsets.load(new MetadataFile(dir.resolve("config/consumerOffset.json"))));
        Map<Integer, RequestProcessor> processors = new HashMap<>();
        for (int code : CODES) {
            processors.put(code, processor);
        }
        loopback = Loopback.start(processors);
    }

    @AfterEach
    void stop() throws IOException {
        loopback.close();
        store.close();
    }

    private RemotingCommand request(int code, String... keysAndValues) throws IOException {
        Map<String, String> fields = new HashMap<>(Map.of("consumerGroup", "CG", "topic", "T", "queueId", "0"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return loopback.call(code, fields, null);
    }

    private void appendMessages(int count) {
        for (int i = 0; i < count; i++) {
            store.append(MessageToStore.builder("T", 0, new byte[] {(byte) i}).build());
        }
        await().until(() -> store.maxOffset("T", 0) == count);
    }

    @Test
    void anUpdatedOffsetIsWhatTheQueryReturns() throws IOException {
        assertThat(request(RequestCode.UPDATE_CONSUMER_OFFSET, "commitOffset", "7").code()).isEqualTo(ResponseCode.SUCCESS);

        RemotingCommand query = request(RequestCode.QUERY_CONSUMER_OFFSET);

        assertThat(query.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(query.field("offset")).isEqualTo("7");
    }

    @Test
    void aNewGroupReadsAYoungQueueFromItsStart() throws IOException {
        appendMessages(3);

        RemotingCommand query = request(RequestCode.QUERY_CONSUMER_OFFSET);

        assertThat(query.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(query.field("offset")).isEqualTo("0");
    }

    @Test
    void reportsTheQueueBoundsAndTimes() throws IOException {
        appendMessages(3);

        assertThat(request(RequestCode.GET_MIN_OFFSET).field("offset")).isEqualTo("0");
        assertThat(request(RequestCode.GET_MAX_OFFSET).field("offset")).isEqualTo("3");
        assertThat(request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, "timestamp", "0").field("offset")).isEqualTo("0");
        assertThat(Long.parseLong(request(RequestCode.GET_EARLIEST_MSG_STORETIME).field("timestamp"))).isPositive();
    }

    @Test
    void aMissingFieldGetsSystemErrorNamingIt() throws IOException {
        RemotingCommand response = request(RequestCode.UPDATE_CONSUMER_OFFSET);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("commitOffset");
    }
}

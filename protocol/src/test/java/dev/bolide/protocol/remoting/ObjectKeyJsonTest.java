package dev.bolide.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fastjson's object keys, as RocketMQ writes ResetOffsetBody and ConsumeStats, made standard JSON. */
class ObjectKeyJsonTest {
    @Test
    void anObjectKeyBecomesAStringHoldingItsJson() {
        String body = "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}:5,"
                + "{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:7}}";

        assertThat(ObjectKeyJson.quoteObjectKeys(body)).isEqualTo("{\"offsetTable\":{"
                + "\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}\":5,"
                + "\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":1,\\\"topic\\\":\\\"T\\\"}\":7}}");
    }

    @Test
    void objectValuesArraysAndStringsWithBracesStayAsTheyAre() {
        String standard = "{\"a\":{\"b\":[{\"c\":\"{not a key}\"},1]},\"d\":\"x\\\"{\",\"e\":[]}";

        assertThat(ObjectKeyJson.quoteObjectKeys(standard)).isEqualTo(standard);
    }

    @Test
    void anObjectKeyWhoseValueIsAnObjectKeepsThatValue() {
        String body = "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":2,\"topic\":\"T\"}:{\"brokerOffset\":9,"
                + "\"consumerOffset\":4}},\"consumeTps\":0.5}";

        assertThat(ObjectKeyJson.quoteObjectKeys(body)).isEqualTo("{\"offsetTable\":{"
                + "\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":2,\\\"topic\\\":\\\"T\\\"}\":{\"brokerOffset\":9,"
                + "\"consumerOffset\":4}},\"consumeTps\":0.5}");
    }

    @Test
    void aQueueKeyedMapIsWrittenAsFastjsonWritesItAndReadBack() {
        Map<ObjectKeyJson.QueueKey, String> values = new LinkedHashMap<>();
        values.put(new ObjectKeyJson.QueueKey("broker-a", 0, "T\"1"), "{\"commitOffset\":5}");
        values.put(new ObjectKeyJson.QueueKey("broker-a", 1, "T\"1"), "7");

        String written = ObjectKeyJson.queueKeyed(values);

        assertThat(written).isEqualTo("{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\\\"1\"}:"
                + "{\"commitOffset\":5},{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\\\"1\"}:7}");
        assertThat(ObjectKeyJson.quoteObjectKeys("{\"mqTable\":" + written + "}")).startsWith("{\"mqTable\":{\"{");
    }
}

package dev.bolide.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvConfigTableTest {
    @TempDir
    Path dir;

    @Test
    void valuesSurviveAReloadInRocketMqsFileShape() throws Exception {
        KvConfigTable table = KvConfigTable.load(dir.resolve("kvConfig.json"));
        table.put("ORDER_TOPIC_CONFIG", "Orders", "broker-a:4");
        table.put("ORDER_TOPIC_CONFIG", "Gone", "broker-a:2");
        table.delete("ORDER_TOPIC_CONFIG", "Gone");

        KvConfigTable reloaded = KvConfigTable.load(dir.resolve("kvConfig.json"));

        assertThat(reloaded.get("ORDER_TOPIC_CONFIG", "Orders")).contains("broker-a:4");
        assertThat(reloaded.get("ORDER_TOPIC_CONFIG", "Gone")).isEmpty();
        assertThat(Files.readString(dir.resolve("kvConfig.json")).replaceAll("\\s", ""))
                .isEqualTo("{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"Orders\":\"broker-a:4\"}}}");
    }

    @Test
    void aNamespaceNeverWrittenIsAbsentAndAnEmptiedOneStays() throws Exception {
        KvConfigTable table = KvConfigTable.load(dir.resolve("kvConfig.json"));
        table.put("NS", "k", "v");
        table.delete("NS", "k");

        assertThat(table.namespace("NEVER")).isEmpty();
        assertThat(table.namespace("NS")).contains(java.util.Map.of());
    }
}

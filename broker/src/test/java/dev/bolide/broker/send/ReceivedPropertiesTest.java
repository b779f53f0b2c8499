package dev.bolide.broker.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceivedPropertiesTest {
    private static final String SENT = String.join("\u0002", "UNIQ_KEY\u0001AC110001", "WAIT\u0001true",
            "KEYS\u0001order-7", "TAGS\u0001paid");

    @Test
    void aUsualSendIsStoredAsSentWithoutWaitAndWithTheCluster() {
        ReceivedProperties properties = new ReceivedProperties(SENT);

        assertThat(properties.remove("WAIT")).isEqualTo("true");
        assertThat(properties.put("CLUSTER", "DefaultCluster")).isNull();
        assertThat(properties.get("DELAY")).isNull();
        assertThat(properties.remove("BOLIDE_TIMER_ENTRY")).isNull();

        assertThat(properties.encoded()).isEqualTo(String.join("\u0002", "UNIQ_KEY\u0001AC110001",
                "KEYS\u0001order-7", "TAGS\u0001paid", "CLUSTER\u0001DefaultCluster"));
    }

    @Test
    void theFirstAndTheLastEntryCanBeCutToo() {
        ReceivedProperties first = new ReceivedProperties("WAIT\u0001false\u0002KEYS\u0001k");
        ReceivedProperties last = new ReceivedProperties("KEYS\u0001k\u0002WAIT\u0001false");
        ReceivedProperties only = new ReceivedProperties("WAIT\u0001false");

        assertThat(List.of(first.remove("WAIT"), last.remove("WAIT"), only.remove("WAIT")))
                .containsOnly("false");
        assertThat(List.of(first.encoded(), last.encoded(), only.encoded())).containsExactly("KEYS\u0001k",
                "KEYS\u0001k", "");
    }

    @Test
    void readsSeeTheCutAndTheAddedEntry() {
        ReceivedProperties properties = new ReceivedProperties(SENT);
        properties.remove("WAIT");
        properties.put("CLUSTER", "c");

        assertThat(properties.get("WAIT")).isNull();
        assertThat(properties.containsKey("CLUSTER")).isTrue();
        assertThat(properties.get("KEYS")).isEqualTo("order-7");
        assertThat(properties).isEqualTo(Map.of("UNIQ_KEY", "AC110001", "KEYS", "order-7", "TAGS", "paid",
                "CLUSTER", "c"));
    }

    @Test
    void anyChangeEndsWithThePropertiesAMapWouldHold() {
        Random random = new Random(20);
        List<String> names = List.of("WAIT", "KEYS", "TAGS", "DELAY", "TRAN_MSG", "CLUSTER", "REAL_TOPIC");
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> expected = new HashMap<>();
            for (String name : names) {
                if (random.nextBoolean()) {
                    expected.put(name, "v" + random.nextInt(3));
                }
            }
            ReceivedProperties properties = new ReceivedProperties(MessageProperties.encode(expected));
            for (int step = 0; step < 4; step++) {
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(3)) {
                    case 0 -> assertThat(properties.remove(name)).isEqualTo(expected.remove(name));
                    case 1 -> assertThat(properties.put(name, "w" + step)).isEqualTo(expected.put(name, "w" + step));
                    default -> assertThat(properties.get(name)).isEqualTo(expected.get(name));
                }
            }

            assertThat(MessageProperties.decode(properties.encoded())).as("round %d", round).isEqualTo(expected);
            assertThat(properties.encodedUtf8()).as("round %d", round)
                    .isEqualTo(properties.encoded().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theStoredBytesAreTheStoredStringInUtf8WhetherCutAsBytesOrNot() {
        for (String sent : List.of(SENT, "WAIT\u0001false\u0002KEYS\u0001k", "KEYS\u0001k\u0002WAIT\u0001false",
                "WAIT\u0001false", "", "KEYS\u0001k", "KEYS\u0001caf\u00e9\u0002WAIT\u0001true",
                "KEYS\u0001\u65e5\u672c\u0002WAIT\u0001true")) {
            ReceivedProperties cut = new ReceivedProperties(sent);
            cut.remove("WAIT");
            ReceivedProperties extended = new ReceivedProperties(sent);
            extended.remove("WAIT");
            extended.put("CLUSTER", "DefaultCluster");
            ReceivedProperties untouched = new ReceivedProperties(sent);

            for (ReceivedProperties properties : List.of(cut, extended, untouched)) {
                assertThat(properties.encodedUtf8()).as(sent)
                        .isEqualTo(properties.encoded().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aStringThatDecodingWouldChangeIsStoredAsDecodingWouldStoreIt() {
        for (String odd : List.of("KEYS\u0001\u0002TAGS\u0001t", "\u0001v\u0002TAGS\u0001t", "TAGS\u0001a\u0002TAGS\u0001b",
                "TAGS\u0001t\u0002", "TAGS")) {
            ReceivedProperties properties = new ReceivedProperties(odd);

            assertThat(properties.encoded()).as(odd).isEqualTo(MessageProperties.encode(MessageProperties.decode(odd)));
        }
    }
}

package dev.bolide.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON header read from its bytes: what any JSON writer may send, and what is refused. */
class JsonHeaderReaderTest {
    private static RemotingCommand read(String json) {
        return JsonHeaderReader.read(json.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    @Test
    void readsWhitespaceNumbersAndLiteralsAsAJsonWriterMaySpellThem() {
        RemotingCommand command = read(" {\n \"code\" : \"310\", \"extFields\" : { \"a\" : 12 , \"b\" : true,"
                + " \"c\" : null, \"d\" : -1.5e3 } ,\t\"opaque\":-7, \"version\":409.0, \"flag\":3 }\r\n");

        assertThat(command.code()).isEqualTo(310);
        assertThat(command.opaque()).isEqualTo(-7);
        assertThat(command.version()).isEqualTo(409);
        assertThat(command.isOneway()).isTrue();
        assertThat(command.extFields()).containsOnly(Map.entry("a", "12"), Map.entry("b", "true"),
                Map.entry("d", "-1.5e3"));
    }

    @Test
    void skipsUnknownPropertiesWhateverTheyHold() {
        RemotingCommand command = read("{\"future\":{\"x\":[1,{\"y\":\"}\"},[]],\"z\":null},\"code\":11,"
                + "\"also\":[\"]\"],\"extFields\":{\"k\":\"v\"},\"language\":\"NO_SUCH\",\"remark\":null}");

        assertThat(command.code()).isEqualTo(11);
        assertThat(command.language()).isEqualTo(LanguageCode.OTHER);
        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).containsOnly(Map.entry("k", "v"));
    }

    /** RocketMQ's fastjson writes {@code "extFields":{}} for a response header class without fields. */
    @Test
    void readsWhatFollowsAnEmptyObject() {
        RemotingCommand command = read("{\"code\":0,\"extFields\":{},\"flag\":1,\"language\":\"JAVA\","
                + "\"opaque\":5,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":397}");

        assertThat(command.extFields()).isEmpty();
        assertThat(command.opaque()).isEqualTo(5);
        assertThat(command.isResponse()).isTrue();
        assertThat(command.version()).isEqualTo(397);
    }

    @Test
    void anEmptyOrNullHeaderPartIsNothing() {
        assertThat(read("{}").extFields()).isEmpty();
        assertThat(read("{\"extFields\":null}").extFields()).isEmpty();
        assertThat(read("{\"extFields\":{}}").extFields()).isEmpty();
        assertThat(read("{}").language()).isEqualTo(LanguageCode.JAVA);
    }

    @Test
    void unescapesEveryEscapeJsonHas() {
        RemotingCommand command = read("{\"remark\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0001\\u00e9\\u4E2D "
                + "\\ud83d\\ude00 \u00e9\u4e2d\ud83d\ude00\",\"extFields\":{\"k\\u0065y\":\"\\u0002\"}}");

        assertThat(command.remark()).isEqualTo("q\" b\\ s/ \b\f\n\r\t \u0001\u00e9\u4e2d \ud83d\ude00 "
                + "\u00e9\u4e2d\ud83d\ude00");
        assertThat(command.extFields()).containsOnly(Map.entry("key", "\u0002"));
    }

    @Test
    void refusesWhatIsNotAHeader() {
        for (String bad : new String[] {"", "[]", "{", "{\"code\"", "{\"code\":}", "{\"code\" 1}", "{\"code\":1,}",
                "{\"extFields\":[]}", "{\"extFields\":{\"a\":{}}}", "{\"extFields\":{\"a\":[1]}}",
                "{\"remark\":\"\\x\"}", "{\"remark\":\"\\u12G4\"}", "{\"remark\":\"raw \u0001\"}",
                "{\"code\":tru}", "{\"x\":]}", "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}"}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(MalformedFrameException.class);
        }
    }

    @Test
    void readsWhatAnIndependentJsonWriterWrites() throws IOException {
        Random random = new Random(20261207);
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> fields = new HashMap<>();
            for (int i = random.nextInt(15); i > 0; i--) {
                fields.put(randomText(random), randomText(random));
            }
            String remark = randomText(random);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
                json.writeStartObject();
                json.writeNumberField("code", round);
                json.writeObjectFieldStart("extFields");
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
                json.writeEndObject();
                // after extFields, as fastjson orders them: what follows an object, empty or not, is read too
                json.writeStringField("remark", remark);
                json.writeEndObject();
            }

            RemotingCommand command = JsonHeaderReader.read(bytes.toByteArray(), new byte[0]);

            assertThat(command.code()).isEqualTo(round);
            assertThat(command.remark()).isEqualTo(remark);
            assertThat(command.extFields()).isEqualTo(fields);
        }
    }

    /** Letters, the separators of message properties, quotes and backslashes, accents, CJK, emoji. */
    private static String randomText(Random random) {
        String[] pieces = {"a", "topic", "\u0001", "\u0002", "\"", "\\", "/", "\n", "\u00e9", "\u4e2d", "\ud83d\ude00",
                "1700000000000", " "};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}

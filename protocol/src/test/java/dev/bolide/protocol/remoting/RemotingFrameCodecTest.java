package dev.bolide.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemotingFrameCodecTest {
    /** The SEND_MESSAGE_V2 header of the protocol reference (1.2), as the 4.9.8 client writes it. */
    private static final String CLIENT_JSON_HEADER = "{\"code\":310,\"extFields\":{\"a\":\"PG\",\"b\":\"TopicTest\","
            + "\"c\":\"TBW102\",\"d\":\"4\",\"e\":\"1\",\"f\":\"0\",\"g\":\"1700000000000\",\"h\":\"0\","
            + "\"i\":\"TAGS\\u0001TagA\\u0002KEYS\\u0001k1 k2\\u0002WAIT\\u0001true\\u0002UNIQ_KEY\\u00017F000001000018B4AAC2000000000000\","
            + "\"j\":\"0\",\"k\":\"false\",\"m\":\"false\",\"n\":\"broker-a\"},\"flag\":0,\"language\":\"JAVA\","
            + "\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":409}";

    static Map<String, String> sendV2Fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("a", "PG");
        fields.put("b", "TopicTest");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", "1");
        fields.put("f", "0");
        fields.put("g", "1700000000000");
        fields.put("h", "0");
        fields.put("i", "TAGS\u0001TagA\u0002KEYS\u0001k1 k2\u0002WAIT\u0001true\u0002UNIQ_KEY\u00017F000001000018B4AAC2000000000000");
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", "broker-a");
        return fields;
    }

    static ByteBuffer frame(SerializeType type, byte[] header, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(4 + header.length + body.length);
        frame.putInt((type.code() << 24) | header.length).put(header).put(body).flip();
        return frame;
    }

    @Test
    void decodesTheJsonHeaderTheJavaClientSends() {
        byte[] header = CLIENT_JSON_HEADER.getBytes(StandardCharsets.UTF_8);

        RemotingCommand command = RemotingFrameCodec.decode(frame(SerializeType.JSON, header, new byte[] {1, 2}));

        assertThat(command.code()).isEqualTo(310);
        assertThat(command.version()).isEqualTo(409);
        assertThat(command.isResponse()).isFalse();
        assertThat(command.extFields()).isEqualTo(sendV2Fields());
        assertThat(command.body()).containsExactly(1, 2);
        assertThat(command.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void writesJsonHeadersTheWayTheClientDoes() {
        RemotingCommand command = new RemotingCommand(310, LanguageCode.JAVA, 409, 0, 0, null, sendV2Fields(),
                null, SerializeType.JSON);

        ByteBuffer frame = RemotingFrameCodec.encode(command);
        frame.getInt();
        int headerLength = frame.getInt() & 0xFFFFFF;
        byte[] header = new byte[headerLength];
        frame.get(header);

        assertThat(new String(header, StandardCharsets.UTF_8)).isEqualTo(CLIENT_JSON_HEADER);
    }

    @Test
    void writesTheRocketMqBinaryHeaderOfTheReferenceSample() {
        RemotingCommand command = new RemotingCommand(310, LanguageCode.JAVA, 409, 3, 0, null, sendV2Fields(),
                null, SerializeType.ROCKETMQ);

        ByteBuffer frame = RemotingFrameCodec.encode(command);

        assertThat(HexFormat.of().formatHex(frame.array(), 0, 31))
                .isEqualTo("000000f1" + "010000ed" + "0136" + "00" + "0199" + "00000003" + "00000000" + "00000000"
                        + "000000d8" + "0001");
        assertThat(RemotingFrameCodec.decode(frame.position(4)).extFields()).isEqualTo(sendV2Fields());
    }

    @Test
    void roundTripsEveryFieldInBothSerializeTypes() {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand command = new RemotingCommand(11, LanguageCode.GO, 401, 77,
                    RemotingCommand.RESPONSE_FLAG, "not found: \u00e9", Map.of("nextBeginOffset", "12"),
                    "body".getBytes(StandardCharsets.UTF_8), type);

            ByteBuffer frame = RemotingFrameCodec.encode(command);
            assertThat(frame.getInt()).isEqualTo(frame.remaining());
            RemotingCommand decoded = RemotingFrameCodec.decode(frame);

            assertThat(decoded.code()).isEqualTo(11);
            assertThat(decoded.language()).isEqualTo(LanguageCode.GO);
            assertThat(decoded.version()).isEqualTo(401);
            assertThat(decoded.opaque()).isEqualTo(77);
            assertThat(decoded.isResponse()).isTrue();
            assertThat(decoded.remark()).isEqualTo("not found: \u00e9");
            assertThat(decoded.extFields()).containsExactly(Map.entry("nextBeginOffset", "12"));
            assertThat(new String(decoded.body(), StandardCharsets.UTF_8)).isEqualTo("body");
            assertThat(decoded.serializeType()).isEqualTo(type);
        }
    }

    @Test
    void escapesWhatJsonRequiresAndKeepsEveryCharacter() {
        String awkward = "quote \" backslash \\ newline \n tab \t nul \u0000 unit \u001f \u00e9\u4e2d \ud83d\ude00 end";
        RemotingCommand command = new RemotingCommand(1, LanguageCode.JAVA, 409, 5, RemotingCommand.RESPONSE_FLAG,
                awkward, Map.of("k\"ey", awkward, "empty", ""), null, SerializeType.JSON);

        ByteBuffer frame = RemotingFrameCodec.encode(command);
        frame.getInt();
        RemotingCommand decoded = RemotingFrameCodec.decode(frame);

        assertThat(decoded.remark()).isEqualTo(awkward);
        assertThat(decoded.extFields()).containsOnly(Map.entry("k\"ey", awkward), Map.entry("empty", ""));
    }

    @Test
    void theHeadOfAFrameIsTheFrameWithoutItsBody() {
        RemotingCommand command = new RemotingCommand(11, LanguageCode.JAVA, 409, 7, RemotingCommand.RESPONSE_FLAG,
                null, Map.of("a", "1"), new byte[] {9, 8, 7}, SerializeType.JSON);

        ByteBuffer head = RemotingFrameCodec.encodeHead(command);
        ByteBuffer frame = RemotingFrameCodec.encode(command);

        assertThat(frame.remaining()).isEqualTo(head.remaining() + 3);
        assertThat(frame.slice(0, head.remaining())).isEqualTo(head);
        assertThat(frame.get(frame.limit() - 1)).isEqualTo((byte) 7);
    }

    @Test
    void aResponseTakesTheSerializeTypeAndOpaqueOfItsRequest() {
        RemotingCommand request = new RemotingCommand(34, LanguageCode.JAVA, 409, 42, 0, null, null, null,
                SerializeType.ROCKETMQ);

        RemotingCommand response = RemotingCommand.responseTo(request, 0, null, null, null);

        assertThat(response.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(response.opaque()).isEqualTo(42);
        assertThat(response.isResponse()).isTrue();
    }

    @Test
    void rejectsAHeaderLongerThanTheFrame() {
        ByteBuffer frame = ByteBuffer.allocate(8).putInt(0x00_00_10_00).putInt(0).flip();

        assertThatThrownBy(() -> RemotingFrameCodec.decode(frame)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("header length 4096");
    }

    @Test
    void rejectsAnUnknownSerializeType() {
        ByteBuffer frame = ByteBuffer.allocate(4).putInt(0x07_00_00_00).flip();

        assertThatThrownBy(() -> RemotingFrameCodec.decode(frame)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("serialize type 7");
    }

    @Test
    void rejectsJsonThatIsNotAHeader() {
        byte[] header = "[1,2".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RemotingFrameCodec.decode(frame(SerializeType.JSON, header, new byte[0])))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void rejectsABinaryRemarkLengthBeyondTheHeaderWithoutAllocatingIt() {
        ByteBuffer header = ByteBuffer.allocate(17).putShort((short) 10).put((byte) 0).putShort((short) 409)
                .putInt(1).putInt(0).putInt(Integer.MAX_VALUE);

        assertThatThrownBy(() -> RemotingFrameCodec.decode(frame(SerializeType.ROCKETMQ, header.array(), new byte[0])))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("exceeds");
    }
}

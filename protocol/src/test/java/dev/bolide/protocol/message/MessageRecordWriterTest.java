package dev.bolide.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRecordWriterTest {
    /** The worked example of the protocol reference (4.3), as produced by the RocketMQ 4.9.8 encoder. */
    private static final String REFERENCE_RECORD = "00000076 daa320a7 77d18982 00000001 00000000 0000000000000007 "
            + "00000000000004d2 00000000 0000018bcfe56800 c0a80002 0000d431 0000018bcfe56805 c0a80001 00002a9f "
            + "00000000 0000000000000000 00000005 48656c6c6f 09 546f70696354657374 000d 6101310254414753 0154616741";

    @Test
    void encodesTheReferenceRecordByteForByte() {
        ByteBuffer record = referenceRecord();

        assertThat(HexFormat.of().formatHex(record.array(), 0, record.position()))
                .isEqualTo(REFERENCE_RECORD.replace(" ", ""));
    }

    @Test
    void viewReadsBackEveryField() {
        ByteBuffer record = referenceRecord();
        MessageRecordView view = new MessageRecordView().wrap(record, 0);

        assertThat(view.totalSize()).isEqualTo(0x76);
        assertThat(view.queueId()).isEqualTo(1);
        assertThat(view.queueOffset()).isEqualTo(7);
        assertThat(view.physicalOffset()).isEqualTo(1234);
        assertThat(view.bornTimestamp()).isEqualTo(1700000000000L);
        assertThat(view.bornHost()).isEqualTo(new InetSocketAddress("192.168.0.2", 54321));
        assertThat(view.storeTimestamp()).isEqualTo(1700000000005L);
        assertThat(view.storeHost()).isEqualTo(new InetSocketAddress("192.168.0.1", 10911));
        assertThat(new String(view.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        assertThat(view.topic()).isEqualTo("TopicTest");
        assertThat(MessageProperties.decode(view.properties())).containsOnly(Map.entry("a", "1"), Map.entry("TAGS", "TagA"));
    }

    @Test
    void topicReusesAnEqualCandidateInsteadOfDecoding() {
        MessageRecordView view = new MessageRecordView().wrap(referenceRecord(), 0);
        String candidate = new String("TopicTest");

        assertThat(view.topic(candidate)).isSameAs(candidate);
        assertThat(view.topic("TopicTesu")).isEqualTo("TopicTest").isNotSameAs("TopicTesu");
        assertThat(view.topic("Topic")).isEqualTo("TopicTest");
    }

    @Test
    void ipv6HostsSetTheirFlagsAndWidenTheRecord() {
        byte[] v6 = HostAddress.encode(new InetSocketAddress("::1", 10911));
        ByteBuffer record = ByteBuffer.allocate(256);
        int length = MessageRecordWriter.write(record, 0, 0, 0, 1L, v6, v6, 0, 0L, new byte[3], bytes("T"), new byte[0]);
        MessageRecordView view = new MessageRecordView().wrap(record, 0);

        assertThat(length).isEqualTo(91 + 24 + 3 + 1);
        assertThat(view.sysFlag() & (MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOST_V6))
                .isEqualTo(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOST_V6);
        assertThat(view.bornHost()).isEqualTo(new InetSocketAddress("::1", 10911));
        assertThat(view.topic()).isEqualTo("T");
        assertThat(MessageRecordView.classify(record, 0, record.capacity(), true)).isEqualTo(RecordKind.MESSAGE);
    }

    static ByteBuffer referenceRecord() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("a", "1");
        properties.put("TAGS", "TagA");
        ByteBuffer record = ByteBuffer.allocate(256);
        MessageRecordWriter.write(record, 1, 0, 0, 1700000000000L,
                HostAddress.encode(new InetSocketAddress("192.168.0.2", 54321)),
                HostAddress.encode(new InetSocketAddress("192.168.0.1", 10911)), 0, 0L, bytes("Hello"),
                bytes("TopicTest"), bytes(MessageProperties.encode(properties)));
        MessageRecordWriter.setQueueOffset(record, 0, 7);
        MessageRecordWriter.setPhysicalOffset(record, 0, 1234);
        MessageRecordWriter.setStoreTimestamp(record, 0, 1700000000005L);
        return record;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.bolide.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MessageRecordClassifyTest {
    private final ByteBuffer record = MessageRecordWriterTest.referenceRecord();
    private final int length = record.position();

    @Test
    void acceptsAnIntactRecord() {
        assertThat(MessageRecordView.classify(record, 0, record.capacity(), true)).isEqualTo(RecordKind.MESSAGE);
    }

    @Test
    void rejectsARecordCutShort() {
        assertThat(MessageRecordView.classify(record, 0, length - 1, true)).isEqualTo(RecordKind.CORRUPT);
    }

    @Test
    void rejectsABodyThatDoesNotMatchItsCrc() {
        record.put(length - 30, (byte) 'J');

        assertThat(MessageRecordView.classify(record, 0, record.capacity(), true)).isEqualTo(RecordKind.CORRUPT);
        assertThat(MessageRecordView.classify(record, 0, record.capacity(), false)).isEqualTo(RecordKind.MESSAGE);
    }

    @Test
    void rejectsATotalSizeThatDisagreesWithTheFieldLengths() {
        record.putInt(MessageRecordLayout.TOTAL_SIZE, length + 1);

        assertThat(MessageRecordView.classify(record, 0, record.capacity(), true)).isEqualTo(RecordKind.CORRUPT);
    }

    @Test
    void rejectsABadMagic() {
        record.putInt(MessageRecordLayout.MAGIC, 0x12345678);

        assertThat(MessageRecordView.classify(record, 0, record.capacity(), true)).isEqualTo(RecordKind.CORRUPT);
    }

    @Test
    void zerosAreEmptyNotCorrupt() {
        assertThat(MessageRecordView.classify(record, length, record.capacity() - length, true))
                .isEqualTo(RecordKind.EMPTY);
        assertThat(MessageRecordView.classify(record, record.capacity() - 3, 3, true)).isEqualTo(RecordKind.EMPTY);
    }

    @Test
    void aBlankRecordMustFillTheRestOfTheSegment() {
        ByteBuffer segmentEnd = ByteBuffer.allocate(40);
        segmentEnd.putInt(0, 40).putInt(4, MessageRecordLayout.BLANK_MAGIC_CODE);

        assertThat(MessageRecordView.classify(segmentEnd, 0, 40, true)).isEqualTo(RecordKind.BLANK);
        assertThat(MessageRecordView.classify(segmentEnd, 0, 41, true)).isEqualTo(RecordKind.CORRUPT);
    }
}

package dev.bolide.store.commitlog;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.RecordKind;
import dev.bolide.store.segment.MappedSegment;
import dev.bolide.store.segment.SegmentSequence;

/** Finds the end of valid data by validating records one after the other. */
final class CommitLogScanner {
    private static final System.Logger LOG = System.getLogger(CommitLogScanner.class.getName());

    private CommitLogScanner() {
    }

    /**
     * Validates records from {@code from} on and returns the offset of the first position holding
     * no valid record. A blank record moves the scan to the next segment.
     */
    static long validEnd(SegmentSequence segments, long from, boolean checkCrc) {
        if (segments.isEmpty()) {
            return 0;
        }
        long offset = Math.max(Math.min(from, segments.last().endOffset()), segments.first().startOffset());
        while (true) {
            MappedSegment segment = segments.segmentAt(offset);
            if (segment == null) {
                return offset;
            }
            int position = (int) (offset - segment.startOffset());
            RecordKind kind = MessageRecordView.classify(segment.buffer(), position, segment.size() - position, checkCrc);
            switch (kind) {
                case MESSAGE -> offset += segment.buffer().getInt(position);
                case BLANK -> offset = segment.endOffset();
                case EMPTY -> {
                    return offset;
                }
                case CORRUPT -> {
                    LOG.log(System.Logger.Level.WARNING, "CommitLog: invalid record at offset {0} in {1}; "
                            + "data from there on is discarded", offset, segment.path());
                    return offset;
                }
            }
        }
    }
}

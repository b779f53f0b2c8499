package dev.bolide.broker.timer;

import dev.bolide.store.segment.MappedSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where in the CommitLog the deliveries the timer log may not know of begin. Written (to a mapped
 * 8-byte file) before each batch of deliveries is appended and cleared once the batch is marked,
 * so that after a crash only the records from there on need to be read to find deliveries the
 * crash left unmarked. A slave opens it where its CommitLog ends when it starts: from there on its
 * master delivers, and a timer started later on this store (the slave promoted) reads them.
 */
final class DeliveryWindow implements AutoCloseable {
    private static final long CLOSED = 0;

    private final MappedSegment file;

    private DeliveryWindow(MappedSegment file) {
        this.file = file;
    }

    static DeliveryWindow open(Path path) throws IOException {
        return new DeliveryWindow(Files.exists(path) ? MappedSegment.open(path, 0, Long.BYTES)
                : MappedSegment.create(path, 0, Long.BYTES));
    }

    /** Opens the window at a CommitLog offset. */
    void begin(long commitLogOffset) {
        file.buffer().putLong(0, commitLogOffset + 1);
    }

    /** Opens the window at a CommitLog offset, unless it is open at an earlier one already. */
    void widen(long commitLogOffset) {
        long since = openSince();
        if (since < 0 || commitLogOffset < since) {
            begin(commitLogOffset);
        }
    }

    void end() {
        file.buffer().putLong(0, CLOSED);
    }

    /** The CommitLog offset the window was opened at, or -1 when it is closed. */
    long openSince() {
        return file.buffer().getLong(0) - 1;
    }

    @Override
    public void close() {
        file.forceAll();
        file.close();
    }
}

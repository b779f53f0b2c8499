package dev.bolide.bench.jms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the tuned Artemis's NIO journal batches syncs, its {@code journal-buffer-timeout} set for the
 * disk it runs on rather than as shipped (3,333,333 ns: at most 300 syncs a second), so that Bolide
 * is compared with Artemis at its best and not only as shipped.
 */
enum ArtemisJournal {
    /** The timeout {@code artemis perf-journal} would write for this disk ({@link JournalSyncTime}). */
    PERF_JOURNAL("perf-journal"),
    /** Timeout 0: no timed buffer, every write written and synced on its own, at once. */
    SYNC_PER_WRITE("sync-per-write");

    private final String option;

    ArtemisJournal(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    static ArtemisJournal ofOption(String name) {
        for (ArtemisJournal journal : values()) {
            if (journal.option.equals(name.toLowerCase(Locale.ROOT))) {
                return journal;
            }
        }
        throw new IllegalArgumentException("no Artemis journal tuning called " + name
                + "; there are perf-journal and sync-per-write");
    }

    /** The {@code journal-buffer-timeout} of this tuning for a journal on the disk of {@code directory}. */
    long bufferTimeoutNanos(Path directory) throws IOException {
        return switch (this) {
            case PERF_JOURNAL -> JournalSyncTime.measure(directory);
            case SYNC_PER_WRITE -> 0;
        };
    }
}

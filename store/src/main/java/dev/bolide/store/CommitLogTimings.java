package dev.bolide.store;

/**
 * Told how long the CommitLog's appends and forces take, for metrics: on the appending (or
 * forcing) thread, right after the work, so it must be quick and must not block.
 */
public interface CommitLogTimings {
    /** Nobody listens. */
    CommitLogTimings NONE = new CommitLogTimings() {
        @Override
        public void appended(int messages, long nanos) {
        }

        @Override
        public void forced(long nanos) {
        }
    };

    /** One append of {@code messages} messages (a batch is one append) took {@code nanos}. */
    void appended(int messages, long nanos);

    /** One force of the CommitLog to disk took {@code nanos}. */
    void forced(long nanos);
}

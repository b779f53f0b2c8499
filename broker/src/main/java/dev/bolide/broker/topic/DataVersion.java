package dev.bolide.broker.topic;

/**
 * The version of a broker's topic table: a counter bumped on every change, and when that happened.
 * Name servers compare it with the last one a broker registered to tell whether its topics changed;
 * two versions are equal when both fields are.
 */
public record DataVersion(long counter, long timestamp) {
    /** The next version, stamped {@code timestamp}. */
    public DataVersion next(long timestamp) {
        return new DataVersion(counter + 1, timestamp);
    }
}

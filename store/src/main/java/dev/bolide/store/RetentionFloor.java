package dev.bolide.store;

/**
 * How far the CommitLog is still needed by its readers, which the store does not know: the broker
 * answers from its subscription groups' consumer offsets. Forced cleaning (disk use above
 * {@code diskSpaceCleanForciblyRatio}) never deletes a file holding a needed message unless
 * {@code cleanUnconsumedFileForciblyEnable}; expiry ({@code fileReservedTime}) ignores it.
 */
@FunctionalInterface
public interface RetentionFloor {
    /** Until a broker says otherwise, every message may still be needed. */
    RetentionFloor EVERYTHING = () -> new Needed(0, "readers the store was not told about");

    /** The oldest message some reader has not consumed yet; called once per retention round. */
    Needed lowestNeeded();

    /**
     * @param commitLogOffset where the oldest needed message starts; {@link Long#MAX_VALUE} when none is
     * @param neededBy        who needs it, for operators: e.g. group, topic, queue and offset
     */
    record Needed(long commitLogOffset, String neededBy) {
        public static final Needed NOTHING = new Needed(Long.MAX_VALUE, "nobody");
    }
}

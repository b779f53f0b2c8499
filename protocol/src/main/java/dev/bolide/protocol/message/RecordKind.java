package dev.bolide.protocol.message;

/** What a scan finds at a position of a CommitLog segment. */
public enum RecordKind {
    /** A complete message record that passed validation. */
    MESSAGE,
    /** The blank record that ends a segment. */
    BLANK,
    /** Zeros: nothing was ever written here. */
    EMPTY,
    /** Anything else: a torn, truncated or overwritten record. */
    CORRUPT
}

package dev.bolide.store.commitlog;

import java.nio.ByteBuffer;

/**
 * Reads CommitLog bytes where they are stored, without a copy (see {@link CommitLog#readBytes}).
 *
 * @param <X> what reading may throw
 */
@FunctionalInterface
public interface StoredBytesReader<X extends Exception> {
    /** @param bytes a read-only view of the mapped file, valid only during the call */
    void read(ByteBuffer bytes) throws X;
}

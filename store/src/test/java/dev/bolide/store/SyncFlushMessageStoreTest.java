package dev.bolide.store;

/** The store's contract with {@code SYNC_FLUSH}. */
class SyncFlushMessageStoreTest extends MessageStoreContract {
    @Override
    FlushDiskType flushDiskType() {
        return FlushDiskType.SYNC_FLUSH;
    }
}

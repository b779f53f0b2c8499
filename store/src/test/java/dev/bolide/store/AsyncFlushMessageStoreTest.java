package dev.bolide.store;

/** The store's contract with {@code ASYNC_FLUSH}. */
class AsyncFlushMessageStoreTest extends MessageStoreContract {
    @Override
    FlushDiskType flushDiskType() {
        return FlushDiskType.ASYNC_FLUSH;
    }
}

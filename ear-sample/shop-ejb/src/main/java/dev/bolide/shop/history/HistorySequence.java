package dev.bolide.shop.history;

/** What to do with an order's status change numbered {@code change} when {@code last} is recorded. */
enum HistorySequence {
    /** The next one: append it. */
    APPEND,
    /** Recorded already (the message was delivered again): skip it. */
    SKIP,
    /** An earlier change is missing: wait for it. */
    OUT_OF_ORDER;

    static HistorySequence of(int last, int change) {
        if (change <= last) {
            return SKIP;
        }
        return change == last + 1 ? APPEND : OUT_OF_ORDER;
    }
}

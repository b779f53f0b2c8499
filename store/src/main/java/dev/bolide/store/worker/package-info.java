/**
 * The store's background threads (dispatcher, flushers) share one loop: do work while there is
 * some, then wait cheaply, and are woken by writers only when they are really asleep. Part of the
 * store's API: the broker's timer runs on the same loop. {@link dev.bolide.store.worker.Timeouts}
 * bounds the waits of many requests with one timer entry.
 */
package dev.bolide.store.worker;

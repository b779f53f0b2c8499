package dev.bolide.broker.timer;

/**
 * A timer whose time has come, handed out for delivery; it stays pending until marked delivered.
 *
 * @param position        its entry in the timer log
 * @param timerOffset     its record's offset in the timer topic's queue
 * @param commitLogOffset its record's CommitLog offset
 * @param size            its record's size
 * @param due             when it was due, epoch ms
 */
record DueTimer(long position, long timerOffset, long commitLogOffset, int size, long due) {
}

/**
 * Retries and dead letters: CONSUMER_SEND_MSG_BACK stores a message a consumer failed on in its
 * group's {@code %RETRY%} topic with a growing delay, then in the group's {@code %DLQ%} topic; dead
 * letters can be re-sent to their original topic (Bolide's RESEND_DEAD_LETTER request).
 */
package dev.bolide.broker.retry;

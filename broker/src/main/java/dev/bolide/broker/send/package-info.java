/**
 * Storing what producers send: SEND_MESSAGE (long header names), SEND_MESSAGE_V2 (short names)
 * and SEND_BATCH_MESSAGE.
 */
package dev.bolide.broker.send;

/**
 * Check-back delivery: beans implementing {@link dev.bolide.ra.TransactionCheckListener}, activated
 * with a producer group, answer the brokers' CHECK_TRANSACTION_STATE for that group's half messages
 * through the client's {@link dev.bolide.client.spi.CheckBackMember}, each check on the server's
 * WorkManager. This is RocketMQ's local-transaction pattern for Jakarta EE applications, without XA.
 */
package dev.bolide.ra.checkback;

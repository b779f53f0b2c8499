/**
 * Consuming: the connection's member of each consumer group
 * ({@link dev.bolide.client.jms.consumer.GroupReader}), which pulls its allocated queues and the
 * group's retry topic and hands messages to the local consumers in turn; consumers, the queue browser,
 * group names and selectors. Key choice: the committed offset of a queue is its lowest
 * unacknowledged one, so acknowledgements in any order never lose a message on restart.
 */
package dev.bolide.client.jms.consumer;

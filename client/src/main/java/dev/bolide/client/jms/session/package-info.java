/**
 * Sessions: serial delivery on one thread per session (started with the first listener),
 * acknowledgement bookkeeping, recover and the receive side of transactions, ordered completion
 * callbacks. Key choice: every send goes through one {@link dev.bolide.client.jms.session.MessageSendPath},
 * so that transacted sends (half-messages of a broker branch) replace the direct path in one place.
 * A connection consumer is a session's consumer whose messages server sessions deliver
 * ({@link dev.bolide.client.jms.session.BolideConnectionConsumer}).
 */
package dev.bolide.client.jms.session;

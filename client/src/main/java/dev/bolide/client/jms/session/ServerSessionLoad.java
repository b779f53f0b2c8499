package dev.bolide.client.jms.session;

import dev.bolide.client.jms.consumer.BolideMessageConsumer;
import dev.bolide.client.jms.consumer.Delivery;
import java.util.List;

/**
 * Messages a connection consumer took from its consumer and gave a server session's session to
 * deliver when the application server runs it.
 *
 * @param source     the connection consumer's consumer: where a message not delivered, rolled back or
 *                   recovered goes back to, for the next server session
 * @param deliveries at most the connection consumer's {@code maxMessages}
 * @param done       called once the session ran them (or gave them back)
 */
record ServerSessionLoad(BolideMessageConsumer source, List<Delivery> deliveries, Runnable done) {
}

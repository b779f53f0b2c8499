package dev.bolide.bench.jms;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.XAConnectionFactory;

/**
 * A broker as the workload sees it: nothing but its Jakarta Messaging connection factories, so
 * that one code path drives both brokers.
 *
 * @param name      the column heading
 * @param factory   for plain and transacted sessions
 * @param xaFactory for the XA line
 */
record JmsTarget(String name, ConnectionFactory factory, XAConnectionFactory xaFactory) {
}

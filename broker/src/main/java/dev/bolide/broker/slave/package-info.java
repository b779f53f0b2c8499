/**
 * What makes a broker with {@code brokerRole = SLAVE} a slave, apart from the replicated CommitLog:
 * the requests it refuses as RocketMQ 4.9.7 refuses them on a slave, and the metadata it copies
 * from its master ({@link dev.bolide.broker.slave.SlaveSynchronize}).
 */
package dev.bolide.broker.slave;

/**
 * Connections: settings (URI and properties forms), client ids, temporary destinations and the
 * connection itself. Key choice: one {@link dev.bolide.client.rocketmq.RocketMqClient} per
 * connection, hence one broker-side client id, and one group member per consumer group shared by
 * all the connection's consumers of that group.
 */
package dev.bolide.client.jms.connection;

/**
 * The client's RocketMQ protocol core: routes from the name servers, shared broker connections,
 * sending, pulling, offsets, group membership and queue allocation. {@link
 * dev.bolide.client.rocketmq.RocketMqClient} is the entry point; one instance serves everything of
 * one Jakarta Messaging connection. Only standard RocketMQ 4.9 requests are used, so the same code
 * talks to an Apache RocketMQ broker, except for XA ({@link dev.bolide.client.rocketmq.XaBranches}),
 * which needs Bolide's branch requests for all but one-phase decisions, and the atomic commit of a
 * local transaction across brokers ({@link dev.bolide.client.rocketmq.CrossBrokerCommit}) built on them.
 */
package dev.bolide.client.rocketmq;

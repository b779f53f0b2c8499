/**
 * The Bolide Jakarta Messaging 3.1 client: {@link dev.bolide.client.jms.BolideConnectionFactory} is
 * all an application names. The API is implemented over the RocketMQ remoting protocol: a queue is a
 * RocketMQ topic read by one consumer group belonging to the queue, a subscription is a consumer
 * group of its own (see the subpackages and DESIGN.md, "Jakarta Messaging mapping").
 */
package dev.bolide.client.jms;

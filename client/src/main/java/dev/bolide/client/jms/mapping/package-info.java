/**
 * How a Jakarta Messaging message becomes a RocketMQ message and back; the whole mapping is the
 * table on {@link dev.bolide.client.jms.mapping.RocketMqMapping}.
 */
package dev.bolide.client.jms.mapping;

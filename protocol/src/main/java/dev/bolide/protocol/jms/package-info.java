/**
 * How Jakarta Messaging messages travel as RocketMQ messages: the property names and encodings that the
 * JMS client writes and the broker reads (for selectors).
 */
package dev.bolide.protocol.jms;

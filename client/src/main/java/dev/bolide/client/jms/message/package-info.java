/**
 * The Jakarta Messaging message types (Text, Bytes, Map, Stream, Object and the body-less
 * {@code Message}), their property and body type-conversion rules and their body encodings.
 * How they map to RocketMQ messages is in {@code dev.bolide.client.jms.mapping}.
 */
package dev.bolide.client.jms.message;

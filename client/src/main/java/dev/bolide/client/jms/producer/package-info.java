/**
 * Producing: message producers (also QueueSender and TopicPublisher) and their send options. Key
 * choice: the producer sets the headers and maps the message; how it goes out (direct or in a
 * transaction) and when completion callbacks run is its session's business.
 */
package dev.bolide.client.jms.producer;

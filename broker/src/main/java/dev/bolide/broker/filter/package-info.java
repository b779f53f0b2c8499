/**
 * Message filters for pulls: TAG expressions on the ConsumeQueue's tag hash, SQL92 expressions on
 * message properties, and the consumer's start-time check of its subscriptions.
 */
package dev.bolide.broker.filter;

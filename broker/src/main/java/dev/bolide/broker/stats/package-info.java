/** Counts and rates of stored and delivered messages, for the admin requests that report them. */
package dev.bolide.broker.stats;

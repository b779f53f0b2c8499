/**
 * Serving consumers' PULL_MESSAGE requests from the store, with tag filtering.
 */
package dev.bolide.broker.pull;

/**
 * The clients connected to the broker: heartbeats, consumer groups with their members and
 * subscriptions, and the notifications sent to them.
 */
package dev.bolide.broker.client;

/**
 * The name server: which brokers exist, where they listen and which topics they serve; clients
 * ask it for topic routes.
 */
package dev.bolide.broker.namesrv;

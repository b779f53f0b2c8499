/**
 * XA over the brokers' branch requests: {@link dev.bolide.client.jms.xa.BolideXAResource} (the XA state
 * machine of one session), the branches this JVM works in, shared by the resources of a cluster, and the
 * one mapping of broker answers to XA error codes ({@code XaErrors}).
 */
package dev.bolide.client.jms.xa;

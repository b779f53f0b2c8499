/**
 * RocketMQ remoting over Netty, shared by the broker and the client: the Netty pipeline from bytes
 * to {@code RemotingCommand}s and back; the server, which dispatches requests to processors by
 * request code with RocketMQ's generic answers for unknown codes, failing processors and overload;
 * and the client (a connection per address, responses matched by opaque, timeouts, oneway).
 */
package dev.bolide.remoting;

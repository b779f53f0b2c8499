/**
 * The remoting server: Netty pipeline from bytes to {@code RemotingCommand}s and back, and the
 * dispatch of requests to processors by request code, with RocketMQ's generic answers for unknown
 * codes, failing processors and overload. Also the small client the broker uses to call other
 * servers (its name servers).
 */
package dev.bolide.broker.remoting;

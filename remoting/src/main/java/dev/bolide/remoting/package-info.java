/**
 * RocketMQ remoting over Netty, shared by the broker and the client: the Netty pipeline from bytes
 * to {@code RemotingCommand}s and back; the server, which dispatches requests to processors by
 * request code with RocketMQ's generic answers for unknown codes, failing processors and overload;
 * the client (a connection per address, responses matched by opaque, timeouts, oneway); and TLS on
 * both, read as Apache RocketMQ 4.9 reads it ({@link TlsProperties}: {@code tls.server.mode},
 * {@code tls.server.*}, {@code tls.client.*}, {@code tls.config.file}), where everything that
 * cannot be loaded is an error naming the key and the file: TLS asked for is never left out.
 */
package dev.bolide.remoting;

/**
 * TLS on the remoting connections, read as Apache RocketMQ 4.9 reads it ({@code tls.server.mode},
 * {@code tls.server.*}, {@code tls.client.*}, {@code tls.config.file}): what a server does with the
 * first bytes of a connection in each mode, and the certificates, keys and trust of each side.
 * Everything that cannot be loaded is an error naming the key and the file: TLS that was asked for
 * is never silently left out.
 */
package dev.bolide.remoting.tls;

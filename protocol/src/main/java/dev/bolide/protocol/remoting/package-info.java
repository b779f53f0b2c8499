/**
 * RocketMQ remoting frames: a length-prefixed frame carrying a header (JSON or the ROCKETMQ binary
 * form) and an opaque body. Pure encoding, no networking: Netty handlers in {@code broker} and
 * {@code client} call these codecs.
 */
package dev.bolide.protocol.remoting;

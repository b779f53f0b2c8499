/**
 * The side-by-side load harness: the real RocketMQ client sending to and consuming from a Bolide
 * broker and an Apache RocketMQ broker, each a child JVM with the same heap and flush settings,
 * one after the other. {@link dev.bolide.bench.load.LoadHarness} is the entry point.
 */
package dev.bolide.bench.load;

/**
 * Starting a broker process from a RocketMQ {@code broker.conf}.
 */
package dev.bolide.broker.launcher;

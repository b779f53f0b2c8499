/**
 * The registry of broker settings: every {@code broker.conf} key the broker reads, declared once
 * ({@link dev.bolide.broker.config.Settings}) with its type, unit, default and documentation, and the
 * RocketMQ 4.9 keys it does not read ({@link dev.bolide.broker.config.RocketMqDefaults}). The
 * launcher's parser, the unused-key report, GET/UPDATE_BROKER_CONFIG, the adapter's embedded broker
 * and the README's table of settings all derive from it.
 */
package dev.bolide.broker.config;

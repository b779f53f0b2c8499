/**
 * The name server: which brokers exist, where they listen and which topics they serve. Brokers
 * register (and are forgotten when they unregister, fall silent or disconnect); clients ask it for
 * topic routes. The broker side of registration is in {@code dev.bolide.broker.registration}.
 */
package dev.bolide.broker.namesrv;

/**
 * The broker side of name serving: registering the broker and its topics with every name server it
 * knows (in-process with the embedded one, or over the network with those in {@code namesrvAddr}),
 * at start, periodically, on every topic change, and unregistering at shutdown.
 */
package dev.bolide.broker.registration;

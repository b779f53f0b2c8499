/**
 * What the crash archive adds when the transaction that hangs is a message-driven bean's
 * container-transacted delivery rather than a request's.
 */
package dev.bolide.ra.crash.delivery;

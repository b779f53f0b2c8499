/** Payments: the platform's callback, expiry, and the payment log fed by paid messages. */
package dev.bolide.shop.payment;

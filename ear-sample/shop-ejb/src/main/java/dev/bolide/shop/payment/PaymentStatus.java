package dev.bolide.shop.payment;

/** UNPAID until the platform's callback (PAID) or the unpaid timeout (EXPIRED). */
public enum PaymentStatus {
    UNPAID, PAID, EXPIRED
}

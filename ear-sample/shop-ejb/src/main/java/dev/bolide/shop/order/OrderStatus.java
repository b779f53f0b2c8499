package dev.bolide.shop.order;

/** An order's life: UNCONFIRMED, then CONFIRMED and PAID, or FAILED and CANCELLED once undone. */
public enum OrderStatus {
    UNCONFIRMED, CONFIRMED, PAID, FAILED, CANCELLED
}

package dev.bolide.shop.payment;

import jakarta.ejb.ApplicationException;

/** The order has no payment to make (unknown order, or its payment expired): nothing changed. */
@ApplicationException(rollback = true)
public class PaymentRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PaymentRefusedException(String message) {
        super(message);
    }
}

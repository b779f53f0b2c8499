package dev.bolide.shop.order;

import jakarta.ejb.ApplicationException;

/** A confirmation step cannot be done (not enough stock or balance, coupon taken): its transaction rolls back. */
@ApplicationException(rollback = true)
public class StepRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StepRefusedException(String message) {
        super(message);
    }
}

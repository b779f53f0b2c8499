package dev.bolide.shop.order;

import jakarta.ejb.ApplicationException;

/** The order cannot be placed as asked (unknown product or user, bad quantity, used coupon): nothing was saved. */
@ApplicationException(rollback = true)
public class InvalidOrderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String message) {
        super(message);
    }
}

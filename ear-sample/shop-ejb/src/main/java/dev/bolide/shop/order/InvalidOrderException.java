package dev.bolide.shop.order;

import dev.bolide.shop.InvalidInputException;

/** The order cannot be placed as asked (unknown product or user, bad quantity, used coupon): nothing was saved. */
public class InvalidOrderException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String message) {
        super(message);
    }
}

package dev.bolide.shop;

import jakarta.ejb.ApplicationException;

/**
 * A request the shop refuses as asked (unknown product or user, a bad quantity or amount): nothing
 * was changed. An application exception, so it reaches the caller as it is, not wrapped.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}

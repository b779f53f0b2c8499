package dev.bolide.shop.history;

/** A status event came before an earlier one of the same order: its delivery is rolled back. */
public class EventOutOfOrderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventOutOfOrderException(String message) {
        super(message);
    }
}

package dev.bolide.shop.messaging;

/** A message could not be sent or read: the transaction around it rolls back. */
public class MessagingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MessagingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

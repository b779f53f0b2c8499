package dev.bolide.store;

/** A request the store refused or could not carry out. Nothing already stored is affected. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, in terms a broker can map to a response code. */
    public enum Reason {
        /** The message itself is unacceptable (bad topic, too large, bad queue id). */
        MESSAGE_ILLEGAL,
        /** The disk is too full to accept more data. */
        DISK_FULL,
        /** The store was closed. */
        CLOSED,
        /** An I/O operation failed. */
        IO_ERROR
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

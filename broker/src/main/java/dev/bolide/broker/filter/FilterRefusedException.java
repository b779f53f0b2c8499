package dev.bolide.broker.filter;

/** A subscription the broker cannot filter by, with the RocketMQ response code that says why. */
public final class FilterRefusedException extends Exception {
    private final int responseCode;

    FilterRefusedException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    public int responseCode() {
        return responseCode;
    }
}

package dev.bolide.broker.timer;

/**
 * What a delivered timer message carries, in the property {@link #PROPERTY}: the timer log entry
 * it delivered, as {@code position:timerOffset}. After a crash it tells which entries were
 * delivered although not yet marked so. Producers cannot set it: the broker drops it from what
 * they send.
 */
record DeliveryMarker(long position, long timerOffset) {
    static final String PROPERTY = "BOLIDE_TIMER_ENTRY";

    String encode() {
        return position + ":" + timerOffset;
    }

    /** The marker a property value holds, or null when it holds none. */
    static DeliveryMarker parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return new DeliveryMarker(Long.parseLong(value, 0, colon, 10),
                    Long.parseLong(value, colon + 1, value.length(), 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package dev.bolide.broker.timer;

/**
 * Settings of the durable timer, under RocketMQ 5's {@code broker.conf} keys.
 *
 * @param timerMaxDelaySec how far ahead a delivery time may lie; a send asking for more is refused
 *                         (RocketMQ 5's default: 3 days)
 * @param timerPrecisionMs the width of one slot of the time wheel. Unlike RocketMQ 5, which rounds
 *                         delivery times down to it (delivering up to a slot early), Bolide keeps the
 *                         exact time of every timer and delivers none before it is due; the width
 *                         only decides how many timers one walk of a slot visits and how many slots
 *                         the wheel file has. 100 ms (RocketMQ: 1000) keeps a slot's walks short:
 *                         a busy slot is walked at most {@code timerPrecisionMs / 10} times
 */
public record TimerSettings(long timerMaxDelaySec, int timerPrecisionMs) {
    /** RocketMQ 5's maximum delay and Bolide's slot width. */
    public static final TimerSettings DEFAULT = new TimerSettings(259_200, 100);
    /** The wheel file never exceeds 128 MiB; longer spans wrap around it (see {@link PendingTimers}). */
    static final int MAX_WHEEL_SLOTS = 1 << 24;

    public TimerSettings {
        if (timerMaxDelaySec <= 0 || timerMaxDelaySec > Long.MAX_VALUE / 2000) {
            throw new IllegalArgumentException("timerMaxDelaySec must be a positive number of seconds");
        }
        if (timerPrecisionMs <= 0 || timerPrecisionMs > 60_000) {
            throw new IllegalArgumentException("timerPrecisionMs must be between 1 and 60000");
        }
    }

    public long maxDelayMillis() {
        return timerMaxDelaySec * 1000;
    }

    /** Enough slots for one turn of the wheel to span the maximum delay, within {@link #MAX_WHEEL_SLOTS}. */
    int wheelSlots() {
        long slots = (maxDelayMillis() + timerPrecisionMs - 1) / timerPrecisionMs + 1;
        return (int) Math.min(slots, MAX_WHEEL_SLOTS);
    }
}

package dev.bolide.broker.config;

import dev.bolide.broker.topic.TopicConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * RocketMQ's {@code brokerPermission} as it stands now: read from {@code broker.conf} at start and
 * changed in the running broker by UPDATE_BROKER_CONFIG, as an operator takes a broker out of the
 * producers' way (4) and back (6) without a restart.
 */
public final class BrokerPermission implements IntSupplier {
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile int bits;

    public BrokerPermission(int bits) {
        this.bits = bits;
    }

    /** The permission bits now ({@link TopicConfig#PERM_READ}, {@link TopicConfig#PERM_WRITE}). */
    @Override
    public int getAsInt() {
        return bits;
    }

    public boolean writable() {
        return (bits & TopicConfig.PERM_WRITE) != 0;
    }

    /** Told after every change that changes the bits (the broker registers again with its name servers). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Takes {@code newBits} from now on. */
    public void change(int newBits) {
        if (newBits == bits) {
            return;
        }
        bits = newBits;
        changeListeners.forEach(Runnable::run);
    }
}

package dev.bolide.bench.store;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long each JMH run of the harness lasts, from system properties. The defaults suit a
 * 2-core machine: the whole harness takes about 5 to 10 minutes.
 *
 * @param warmupIterations {@code -Dbolide.bench.warmup}, default 2
 * @param iterations       {@code -Dbolide.bench.iterations}, default 3
 * @param seconds          {@code -Dbolide.bench.seconds}, length of every iteration, default 3
 * @param forks            {@code -Dbolide.bench.forks}, default 1
 */
record RunSettings(int warmupIterations, int iterations, int seconds, int forks) {

    static RunSettings fromSystemProperties() {
        return new RunSettings(intProperty("bolide.bench.warmup", 2), intProperty("bolide.bench.iterations", 3),
                intProperty("bolide.bench.seconds", 3), intProperty("bolide.bench.forks", 1));
    }

    private static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a whole number, was '" + value + "'", e);
        }
    }

    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
        return options.warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .forks(forks);
    }

    @Override
    public String toString() {
        return "warmup " + warmupIterations + " x " + seconds + " s, measurement " + iterations + " x " + seconds
                + " s, forks " + forks;
    }
}

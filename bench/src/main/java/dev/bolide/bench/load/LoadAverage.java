package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-minute load average when a run starts, to tell a quiet machine's figures from a busy one's. */
public final class LoadAverage {
    private LoadAverage() {
    }

    /** The figure, or "unknown" off Linux. */
    public static String read() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Whether {@code loadAverage} is above the number of cores: other work then shared the machine. */
    static boolean busy(String loadAverage, int cores) {
        try {
            return Double.parseDouble(loadAverage) > cores;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code heading}, and under it a NOISY line if the machine was busy. */
    public static String headed(String heading, String loadAverage, int cores) {
        return busy(loadAverage, cores) ? heading + System.lineSeparator() + "NOISY: the load average at start was"
                + " above the number of cores: other work shared the machine" : heading;
    }
}

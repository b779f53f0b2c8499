package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, user and system, as Linux counts it in {@code /proc/<pid>/stat}:
 * the same counter for the brokers (child JVMs) and for the harness itself, whatever runtime each is.
 * Its unit is the clock tick ({@code getconf CLK_TCK}, 100 per second on every usual kernel), so a
 * figure is only as fine as 10 ms: the harness reads it around whole phases of seconds, never per send.
 */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();
    /** utime and stime, counted from the field after the command name (the state, field 3 in proc(5)). */
    private static final int UTIME_AFTER_COMMAND = 11;

    private ProcessCpu() {
    }

    /** User plus system CPU of {@code pid} so far, its threads included; 0 once it has exited. */
    static long nanos(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return 0; // exited (or not Linux): nothing more to count
        }
        // the command name is in parentheses and may hold spaces: fields are counted after its ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[UTIME_AFTER_COMMAND]) + Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]);
        return ticks * NANOS_PER_TICK;
    }

    /** The harness's own process. */
    static long ownNanos() {
        return nanos(ProcessHandle.current().pid());
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(output) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100; // USER_HZ of every Linux architecture the harness runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

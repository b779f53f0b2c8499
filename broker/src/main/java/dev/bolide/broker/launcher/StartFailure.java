package dev.bolide.broker.launcher;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

/**
 * A server that cannot start says why in one line an operator can act on (the file, the key and
 * value, the port and its setting, the store held by another process) and exits with status 1. The
 * stack trace is for developers: {@code -Dbolide.startup.stacktrace=true} logs it too.
 */
final class StartFailure {
    static final String STACK_TRACE_PROPERTY = "bolide.startup.stacktrace";
    private static final int EXIT_STATUS = 1;

    private StartFailure() {
    }

    /**
     * Runs {@code start}, what a launcher does up to "started"; if it fails, logs the reason as one
     * line and exits with status 1.
     */
    static <T> T startOrExit(String command, Class<?> launcher, Callable<T> start) {
        try {
            return start.call();
        } catch (Exception e) {
            String line = command + " did not start: " + reason(e);
            System.Logger log = System.getLogger(launcher.getName());
            if (Boolean.getBoolean(STACK_TRACE_PROPERTY)) {
                log.log(System.Logger.Level.ERROR, line, e);
            } else {
                log.log(System.Logger.Level.ERROR, line);
            }
            System.exit(EXIT_STATUS);
            throw new AssertionError("System.exit returned", e);
        }
    }

    /** The exception's own words, with the file named where the JDK leaves it out of the message. */
    static String reason(Throwable e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": " + (missing.getReason() == null ? "no such file" : missing.getReason());
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException other) {
            return other.getFile() + ": " + other.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

package dev.bolide.broker.acl;

import java.nio.file.Path;

/**
 * A {@code plain_acl.yml} that cannot be used: missing, unreadable or malformed; the message names
 * the file and, for a malformed one, the line.
 */
public final class AclFileException extends Exception {
    private static final long serialVersionUID = 1L;

    AclFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    AclFileException(Path file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
    }
}

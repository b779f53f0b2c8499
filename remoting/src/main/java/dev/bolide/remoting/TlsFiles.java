package dev.bolide.remoting;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The PEM files a TLS configuration names, checked before Netty reads them so the error names the key. */
final class TlsFiles {
    private TlsFiles() {
    }

    /** @throws IllegalArgumentException "{@code key} = path: no such file" (or not readable) */
    static File readable(String key, Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(key + " = " + path + ": no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(key + " = " + path + ": not a readable file");
        }
        return path.toFile();
    }

    /** Netty's and the JDK's messages can span lines; a start-up error is one line. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}

package dev.bolide.remoting;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * Netty says only "File does not contain valid private key" when an encrypted key does not open; an
     * operator needs to know whether the password is missing or wrong.
     *
     * @param refusal what Netty threw for the certificate and key
     * @return the refusal, or one naming the password key when the key file is encrypted
     */
    static IllegalArgumentException keyRefused(IllegalArgumentException refusal, String keyPathKey, Path keyPath,
            String passwordKey, String password) {
        if (!encrypted(keyPath)) {
            return refusal;
        }
        String problem = password == null ? " is encrypted and " + passwordKey + " is not set"
                : " does not open with " + passwordKey;
        return new IllegalArgumentException(keyPathKey + " = " + keyPath + problem, refusal);
    }

    private static boolean encrypted(Path keyPath) {
        try {
            return Files.readString(keyPath, StandardCharsets.US_ASCII).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Netty's and the JDK's messages can span lines; a start-up error is one line. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}

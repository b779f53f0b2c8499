package dev.bolide.broker.timer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** What a killed process leaves of open timer files: a copy taken through the page cache. */
final class CrashImage {
    private CrashImage() {
    }

    /** Copies the directory {@code running} (files mapped by a live process) to {@code target}. */
    static void copy(Path running, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(running)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(running.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    /** Writes {@code bytes} at {@code position}, as a torn or lost write would leave them. */
    static void overwrite(Path file, long position, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }
}

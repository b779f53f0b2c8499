package dev.bolide.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * What a killed process leaves on disk: a copy of a running store's directory, taken while it is
 * open (mapped pages are read through the same page cache), abort marker included. Plus ways to
 * damage it as a torn write would.
 */
final class CrashImage {
    private CrashImage() {
    }

    static Path copy(Path running, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(running)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(running.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (!source.getFileName().toString().equals("lock")) {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    static void overwrite(Path file, long position, byte[] bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path commitLogSegment(Path store, long startOffset) {
        return store.resolve("commitlog").resolve(String.format("%020d", startOffset));
    }
}

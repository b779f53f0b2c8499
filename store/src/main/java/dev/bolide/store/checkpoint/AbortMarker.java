package dev.bolide.store.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code abort} file: present while a store runs, removed by a clean shutdown. Found at start,
 * it means the last run crashed and the derived files must be repaired.
 */
public final class AbortMarker {
    private final Path file;

    public AbortMarker(Path storeRoot) {
        this.file = storeRoot.resolve("abort");
    }

    public boolean isPresent() {
        return Files.exists(file);
    }

    public void create() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }
}

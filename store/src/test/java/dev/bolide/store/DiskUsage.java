package dev.bolide.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What files occupy on disk, as {@code du} counts it: allocated blocks, not lengths. */
public final class DiskUsage {
    private DiskUsage() {
    }

    public static long du(Path path) throws IOException {
        Process du = new ProcessBuilder("du", "-s", "-B1", path.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(du.waitFor()).as("du: %s", out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running du", e);
        }
        return Long.parseLong(out.split("\\s+")[0]);
    }
}

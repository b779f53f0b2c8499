package dev.bolide.ra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under a directory that this JVM has open or memory-mapped, read from Linux's
 * {@code /proc/self/fd} and {@code /proc/self/maps}: a mapping stays until unmapped, even after
 * its channel is closed, so both are needed to see that a store was really let go.
 */
final class OpenFiles {
    private OpenFiles() {
    }

    /** Each open descriptor as {@code fd <path>}, each mapping as {@code map <path>}. */
    static List<String> under(Path directory) throws IOException {
        String prefix = directory.toRealPath().toString();
        List<String> found = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                String target = target(descriptor);
                if (target.startsWith(prefix)) {
                    found.add("fd " + target);
                }
            }
        }
        for (String mapping : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int path = mapping.indexOf(prefix);
            if (path >= 0) {
                found.add("map " + mapping.substring(path));
            }
        }
        return found;
    }

    /** What a descriptor points at; empty if it closed while listing. */
    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return "";
        }
    }
}

package dev.bolide.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A small file system mounted for one test, so that a full disk is a real one: {@code ENOSPC}
 * from the kernel, not a simulation. Mounting needs root (CI runs as root); where it is
 * impossible the test is skipped with the reason, never passed.
 */
public final class SmallVolume implements AutoCloseable {
    /** The file systems a test can ask for. */
    public enum Kind {
        /** Memory-backed: pages are allocated as written, as blocks on a disk. */
        TMPFS,
        /**
         * A real disk file system with delayed allocation and a journal, on a loop device whose
         * image lives in memory where it can: the file system behaves the same, but its flushes
         * (one per SYNC_FLUSH append) cost a memory copy, not a disk write shared with other builds.
         */
        EXT4
    }

    private static final int MIB = 1024 * 1024;
    /** Shared memory, where a loop device's image can be: Linux's usual tmpfs. */
    private static final Path MEMORY = Path.of("/dev/shm");

    private final Path mountPoint;
    private final Path image;

    private SmallVolume(Path mountPoint, Path image) {
        this.mountPoint = mountPoint;
        this.image = image;
    }

    /** Mounts a {@code megabytes} volume of {@code kind} on {@code mountPoint} (created if needed). */
    public static SmallVolume mount(Kind kind, Path mountPoint, int megabytes) throws IOException {
        Files.createDirectories(mountPoint);
        if (kind == Kind.TMPFS) {
            run(kind, List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()));
            return new SmallVolume(mountPoint, null);
        }
        Path image = Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                ? Files.createTempFile(MEMORY, "bolide-volume-", ".img")
                : mountPoint.resolveSibling(mountPoint.getFileName() + ".img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength((long) megabytes * MIB);
        }
        try {
            run(kind, List.of("mkfs.ext4", "-q", "-F", image.toString()));
            run(kind, List.of("mount", "-o", "loop", image.toString(), mountPoint.toString()));
        } catch (IOException | RuntimeException notMounted) {
            Files.delete(image);
            throw notMounted;
        }
        return new SmallVolume(mountPoint, image);
    }

    private static void run(Kind kind, List<String> command) throws IOException {
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            exit = process.waitFor();
        } catch (IOException e) {
            output = e.getMessage();
            exit = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
        String why = "cannot make a small " + kind + " volume here (" + String.join(" ", command) + ": " + output
                + "), so the disk-full behaviour is not tested on this machine";
        Assumptions.assumeTrue(exit == 0, why);
    }

    public Path path() {
        return mountPoint;
    }

    /** Bytes still free for files. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /**
     * Deletes {@code file} and waits until its space is usable again: ext4 returns a deleted file's
     * blocks only when its journal commits, up to seconds later, and an append in between still
     * finds the disk full.
     */
    public void delete(Path file) throws IOException {
        long freed = Files.size(file);
        long before = usableSpace();
        Files.delete(file);
        Awaitility.await("space of " + file + " usable").atMost(Duration.ofSeconds(30))
                .until(() -> usableSpace() >= before + freed / 2);
    }

    /** Writes a file of real (not sparse) data until only about {@code leaveFree} bytes are free. */
    public Path fillLeaving(long leaveFree) throws IOException {
        Path ballast = mountPoint.resolve("ballast");
        ByteBuffer chunk = ByteBuffer.allocate(MIB);
        try (FileChannel channel = FileChannel.open(ballast, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (usableSpace() - MIB > leaveFree) {
                channel.write(chunk.clear());
            }
            channel.force(true);
        }
        return ballast;
    }

    @Override
    public void close() throws IOException {
        ProcessBuilder umount = new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true);
        try {
            Process process = umount.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("cannot unmount " + mountPoint + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted unmounting " + mountPoint, e);
        }
        if (image != null) {
            Files.delete(image);
        }
    }
}

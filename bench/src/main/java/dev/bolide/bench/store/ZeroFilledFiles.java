package dev.bolide.bench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The raw writer's log: records written one after another with {@link FileChannel#write} into
 * files of a CommitLog segment's size that were filled with zeros before any record went in, as
 * the store writes into zero-filled segments. When a file is full the writer moves on to the next
 * one; no file holding records is ever truncated or written over, so every record reaches the disk.
 *
 * <p>Files are normally prepared by {@link #prepare} outside the measurement, and forced there.
 * Forced, although the store does not force its zeros, because {@link FileChannel#force} (fdatasync)
 * writes every dirty page of the file: zeros left dirty would all be written by the writer's first
 * force into the file, whereas the store forces its mapped segments by range (msync), so its zeros
 * are normally overwritten in the page cache by records before they are written back.
 *
 * <p>If the prepared files run out while the writer writes, the next file is zero-filled on the
 * spot, without a force, as the store fills a new segment. That run then pays for the zeros (the
 * store fills its next segment on a background thread) and is slower than the disk: such
 * {@link #inlineRolls()} are counted so that the benchmark can say so.
 */
final class ZeroFilledFiles implements AutoCloseable {
    private static final int ZERO_CHUNK = 1 << 20;

    private record File(Path path, FileChannel channel) {
    }

    private final Path directory;
    private final long fileSize;
    /** False for plain appends to new, empty files: every block is allocated as it is written. */
    private final boolean zeroFill;
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
    /** Zero-filled and forced, nothing written yet, in the order they will be written. */
    private final Deque<File> ready = new ArrayDeque<>();
    /** Files holding records written since the last {@link #force()}; the current one among them. */
    private final List<File> unforced = new ArrayList<>();
    /** Full files whose records are all forced: nothing in them is still needed. */
    private final Set<File> done = new LinkedHashSet<>();
    private File current;
    /** Where the next record goes in {@link #current}; "full" until the first record takes a file. */
    private long position;
    private long written;
    private int inlineRolls;
    private long inlineRollNanos;
    private int created;

    /** @param zeroFill whether files are zero-filled (and forced) before records go in */
    ZeroFilledFiles(Path directory, long fileSize, boolean zeroFill) {
        this.directory = directory;
        this.fileSize = fileSize;
        this.zeroFill = zeroFill;
        this.position = fileSize;
    }

    /** Zero-fills and forces files until at least {@code bytes} more can be written without a roll zero-filling one. */
    void prepare(long bytes) throws IOException {
        while (fileSize - position + (long) ready.size() * fileSize < bytes) {
            ready.add(create(true));
        }
    }

    /** Writes the record after the previous one; a record that does not fit goes whole into the next file. */
    void write(ByteBuffer record) throws IOException {
        synchronized (this) {
            if (position + record.remaining() > fileSize) {
                roll();
            }
            if (unforced.isEmpty() || unforced.get(unforced.size() - 1) != current) {
                unforced.add(current);
            }
        }
        while (record.hasRemaining()) {
            int bytes = current.channel().write(record, position);
            position += bytes;
            written += bytes;
        }
    }

    private void roll() throws IOException {
        File next = ready.poll();
        if (next == null) {
            long start = System.nanoTime();
            next = create(false); // mirrors the store: a new segment is zero-filled and not forced
            inlineRolls++;
            inlineRollNanos += System.nanoTime() - start;
        }
        if (current != null && !unforced.contains(current)) {
            retire(current);
        }
        current = next;
        position = 0;
    }

    /**
     * {@code force(false)} on every file written since the last force, as the store's flush covers
     * every segment. May run on another thread than the writer, as the store's flusher does: the
     * forces run outside the lock, so the writer is not held up by them.
     */
    void force() throws IOException {
        List<File> toForce;
        synchronized (this) {
            toForce = new ArrayList<>(unforced);
            unforced.clear();
        }
        for (File file : toForce) {
            file.channel().force(false);
        }
        synchronized (this) {
            for (File file : toForce) {
                if (file != current && !unforced.contains(file)) {
                    retire(file);
                }
            }
        }
    }

    /** Channels are closed with the deletion, between iterations, so that a concurrent force never meets a closed one. */
    private void retire(File file) {
        done.add(file);
    }

    /**
     * Deletes the full files whose records are all on disk, and waits until the file system has
     * committed the deletions, so that freeing their blocks (and discarding them, where mounted with
     * {@code discard}) is not left to a force that is being timed. Call it outside the measurement.
     */
    synchronized void deleteDoneFiles() throws IOException {
        if (done.isEmpty()) {
            return;
        }
        for (File file : done) {
            file.channel().close();
            Files.delete(file.path());
        }
        done.clear();
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true);
        }
    }

    private File create(boolean force) throws IOException {
        Path path = directory.resolve(String.format("%06d", created++));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            for (long at = 0; zeroFill && at < fileSize; ) {
                zeros.clear().limit((int) Math.min(ZERO_CHUNK, fileSize - at));
                at += channel.write(zeros, at);
            }
            if (force) {
                channel.force(true);
            }
            return new File(path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Bytes of records written so far. */
    long written() {
        return written;
    }

    /** Times a full file was followed by one zero-filled on the spot, because none was prepared. */
    int inlineRolls() {
        return inlineRolls;
    }

    /** Time the writer spent zero-filling those files. */
    long inlineRollNanos() {
        return inlineRollNanos;
    }

    /** Closes the files; the caller deletes the directory. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        List<File> open = new ArrayList<>(ready);
        open.addAll(unforced);
        open.addAll(done);
        if (current != null && !unforced.contains(current)) {
            open.add(current);
        }
        for (File file : open) {
            try {
                file.channel().close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

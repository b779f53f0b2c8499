package dev.bolide.broker.transaction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the broker must remember of local transactions that spanned brokers, in
 * {@code config/crossBrokerTransactions.log}:
 * <ul>
 * <li>as a participant, the coordinator of each branch it was asked to prepare, forced before the
 * prepare is, so that a prepared branch always knows whom to ask for its outcome;</li>
 * <li>as a coordinator, each commit decision and the participants that have not yet said they
 * applied it. The op log holds the decision too, but only until the branch table forgets it
 * ({@code xaBranchTimeout}) or retention deletes it; a participant may ask much later.</li>
 * </ul>
 * A journal: each change is one line appended ({@code C branch coordinator}, {@code R branch},
 * {@code D branch participants}, {@code A branch participants}), so a write costs the same however
 * many transactions are in flight; what must be kept is forced, what is forgotten is not (an entry
 * kept after a crash only costs a repeated report or a few bytes). Read back at start, where a torn
 * last line is dropped, and rewritten compactly then and every {@link #COMPACT_AFTER} lines.
 * Thread-safe.
 */
final class CrossBrokerLog implements AutoCloseable {
    private static final int COMPACT_AFTER = 10_000;

    private final Path file;
    /** Participant side: branch to its coordinator's address. */
    private final Map<String, String> coordinators = new LinkedHashMap<>();
    /** Coordinator side: branch committed to the participants that have not confirmed. */
    private final Map<String, Set<String>> decisions = new LinkedHashMap<>();
    private FileChannel journal;
    private int lines;

    private CrossBrokerLog(Path file) {
        this.file = file;
    }

    static CrossBrokerLog open(Path file) throws IOException {
        CrossBrokerLog log = new CrossBrokerLog(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!log.replay(line.split(" ", -1))) {
                    break;
                }
            }
        }
        log.compact();
        return log;
    }

    synchronized void coordinatedBy(String branch, String coordinator) throws IOException {
        coordinators.put(branch, coordinator);
        append(true, "C", branch, coordinator);
    }

    synchronized Map<String, String> coordinators() {
        return Map.copyOf(coordinators);
    }

    /** The participant's branch is over: it no longer needs its coordinator. */
    synchronized void resolved(String branch) throws IOException {
        if (coordinators.remove(branch) != null) {
            append(false, "R", branch);
        }
    }

    synchronized void committed(String branch, Collection<String> participants) throws IOException {
        decisions.put(branch, new TreeSet<>(participants));
        append(true, "D", branch, String.join(",", participants));
    }

    synchronized boolean isCommitted(String branch) {
        return decisions.containsKey(branch);
    }

    /** These participants applied the commit; the decision is forgotten once all did. */
    synchronized void applied(String branch, Collection<String> participants) throws IOException {
        if (forget(branch, participants)) {
            append(false, "A", branch, String.join(",", participants));
        }
    }

    private boolean forget(String branch, Collection<String> participants) {
        Set<String> waiting = decisions.get(branch);
        if (waiting == null || !waiting.removeAll(participants)) {
            return false;
        }
        if (waiting.isEmpty()) {
            decisions.remove(branch);
        }
        return true;
    }

    /** @return false for a line that is not whole (the last one, torn by a crash) */
    private boolean replay(String[] line) {
        if (line.length == 3 && "C".equals(line[0])) {
            coordinators.put(line[1], line[2]);
        } else if (line.length == 2 && "R".equals(line[0])) {
            coordinators.remove(line[1]);
        } else if (line.length == 3 && "D".equals(line[0])) {
            decisions.put(line[1], new TreeSet<>(CrossBrokerRequests.names(line[2])));
        } else if (line.length == 3 && "A".equals(line[0])) {
            forget(line[1], CrossBrokerRequests.names(line[2]));
        } else {
            return false;
        }
        return true;
    }

    private void append(boolean force, String... fields) throws IOException {
        journal.write(ByteBuffer.wrap((String.join(" ", fields) + "\n").getBytes(StandardCharsets.UTF_8)));
        if (force) {
            journal.force(false);
        }
        if (++lines >= COMPACT_AFTER) {
            compact();
        }
    }

    /** Rewrites the journal as what it holds now: one line per entry, forced, then renamed over the old one. */
    private void compact() throws IOException {
        StringBuilder content = new StringBuilder();
        coordinators.forEach((branch, coordinator) -> content.append("C ").append(branch).append(' ')
                .append(coordinator).append('\n'));
        decisions.forEach((branch, waiting) -> content.append("D ").append(branch).append(' ')
                .append(String.join(",", waiting)).append('\n'));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        close();
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        journal = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lines = 0;
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }
}

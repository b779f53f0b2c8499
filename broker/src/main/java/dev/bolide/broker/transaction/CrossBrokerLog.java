package dev.bolide.broker.transaction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the broker must remember of local transactions that spanned brokers, in
 * {@code config/crossBrokerTransactions.log}:
 * <ul>
 * <li>as a participant, the coordinator of each branch it was asked to prepare, forced before the
 * prepare is, so that a prepared branch always knows whom to ask for its outcome;</li>
 * <li>as a coordinator, each commit decision, when it was taken, and the participants that have not
 * yet said they applied it. The op log holds the decision too, but only until the branch table
 * forgets it ({@code xaBranchTimeout}) or retention deletes it; a participant may ask much later.
 * A decision some participant never confirms (a broker gone for good) is forgotten after
 * {@code crossBrokerDecisionReservedTime} ({@link #expire}): a participant asking after that is
 * answered ROLLBACK, presumed abort.</li>
 * </ul>
 * A journal: each change is one line appended ({@code C branch coordinator}, {@code R branch},
 * {@code D branch participants decidedAtMillis}, {@code A branch participants}, {@code X branch}
 * for an expired decision), so a write costs the same however many transactions are in flight; what
 * must be kept is forced, what is forgotten is not (an entry kept after a crash only costs a
 * repeated report or a few bytes). Read back at start, where a torn last line (no line end) is
 * dropped, and rewritten compactly then and every {@link #COMPACT_AFTER} lines. Thread-safe.
 */
final class CrossBrokerLog implements AutoCloseable {
    private static final int COMPACT_AFTER = 10_000;

    /** A commit decision: when it was taken, and the participants that have not confirmed it. */
    private record Decision(Set<String> waiting, long decidedAt) {
    }

    private final Path file;
    private final Clock clock;
    /** Participant side: branch to its coordinator's address. */
    private final Map<String, String> coordinators = new LinkedHashMap<>();
    /** Coordinator side: branch committed to its decision. */
    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private FileChannel journal;
    private int lines;

    private CrossBrokerLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** @param clock when decisions are taken and expire (the broker's clock) */
    static CrossBrokerLog open(Path file, Clock clock) throws IOException {
        CrossBrokerLog log = new CrossBrokerLog(file, clock);
        if (Files.exists(file)) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // the last line is whole only if it ends: a crash may have torn it anywhere, its time even
            String[] lines = content.split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                if (!log.replay(lines[i].split(" ", -1))) {
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
        Decision decision = new Decision(new TreeSet<>(participants), clock.millis());
        decisions.put(branch, decision);
        append(true, decisionLine(branch, decision));
    }

    /** The decisions some participant has not confirmed yet, oldest first. */
    synchronized List<UnconfirmedDecision> unconfirmed() {
        List<UnconfirmedDecision> unconfirmed = new ArrayList<>();
        decisions.forEach((branch, decision) -> unconfirmed.add(new UnconfirmedDecision(branch, decision.decidedAt(),
                List.copyOf(decision.waiting()))));
        return unconfirmed;
    }

    /**
     * Forgets the decisions taken {@code reservedTime} ago or earlier that some participant never
     * confirmed.
     *
     * @return what was forgotten
     */
    synchronized List<UnconfirmedDecision> expire(Duration reservedTime) throws IOException {
        long takenBefore = clock.millis() - reservedTime.toMillis();
        List<UnconfirmedDecision> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Decision>> it = decisions.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Decision> entry = it.next();
            if (entry.getValue().decidedAt() <= takenBefore) {
                expired.add(new UnconfirmedDecision(entry.getKey(), entry.getValue().decidedAt(),
                        List.copyOf(entry.getValue().waiting())));
                it.remove();
                append(false, "X", entry.getKey());
            }
        }
        return expired;
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
        Decision decision = decisions.get(branch);
        if (decision == null || !decision.waiting().removeAll(participants)) {
            return false;
        }
        if (decision.waiting().isEmpty()) {
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
        } else if ((line.length == 3 || line.length == 4) && "D".equals(line[0])) {
            // journals of earlier builds hold no time: their decisions count from this start
            long decidedAt = line.length == 4 ? millis(line[3]) : clock.millis();
            if (decidedAt < 0) {
                return false;
            }
            decisions.put(line[1], new Decision(new TreeSet<>(CrossBrokerRequests.names(line[2])), decidedAt));
        } else if (line.length == 3 && "A".equals(line[0])) {
            forget(line[1], CrossBrokerRequests.names(line[2]));
        } else if (line.length == 2 && "X".equals(line[0])) {
            decisions.remove(line[1]);
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
        decisions.forEach((branch, decision) -> content.append(String.join(" ", decisionLine(branch, decision)))
                .append('\n'));
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

    /** The time a line names; -1 when it names none. */
    private static long millis(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String[] decisionLine(String branch, Decision decision) {
        return new String[] {"D", branch, String.join(",", decision.waiting()), Long.toString(decision.decidedAt())};
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }
}

package dev.bolide.broker.console;

import dev.bolide.broker.transaction.InDoubtBranch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The XA branches XA recover lists, each with its state, age, the messages sent in it and those
 * received in it (a branch may only have received from this broker): a prepared one (in
 * doubt) with buttons that commit or roll it back by hand, heuristically; one decided heuristically
 * with a button that forgets it, for when its transaction manager never will.
 */
final class XaBranchesView implements View {
    private final List<InDoubtBranch> branches;
    private final Clock clock;

    XaBranchesView(List<InDoubtBranch> branches, Clock clock) {
        this.branches = branches;
        this.clock = clock;
    }

    @Override
    public String title() {
        return "XA branches";
    }

    @Override
    public List<Table> tables() {
        long now = clock.millis();
        List<List<Cell>> rows = new ArrayList<>();
        for (InDoubtBranch branch : branches) {
            String query = "?branch=" + URLEncoder.encode(branch.branch(), StandardCharsets.UTF_8);
            rows.add(List.of(Cell.fixed(branch.branch()), Cell.fixed(branch.state()),
                    Cell.time(branch.since()),
                    Cell.age(branch.since(), now),
                    Cell.fixed(Integer.toString(branch.messages())), Cell.fixed(Integer.toString(branch.received())),
                    first(branch, query), second(branch, query)));
        }
        return List.of(new Table(rows.size() + " XA branches in doubt", List.of("Xid", "state", "since", "age",
                "sent", "received", "", ""), rows));
    }

    private static Cell first(InDoubtBranch branch, String query) {
        return prepared(branch) ? Cell.button("Commit", "/transactions/xa/commit" + query)
                : Cell.button("Forget", "/transactions/xa/forget" + query);
    }

    private static Cell second(InDoubtBranch branch, String query) {
        return prepared(branch) ? Cell.button("Roll back", "/transactions/xa/rollback" + query) : Cell.fixed("");
    }

    /** Prepared: still the transaction manager's to decide; else decided heuristically, to be forgotten. */
    private static boolean prepared(InDoubtBranch branch) {
        return "PREPARED".equals(branch.state());
    }
}

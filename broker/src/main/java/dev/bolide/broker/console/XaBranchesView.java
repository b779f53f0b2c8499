package dev.bolide.broker.console;

import dev.bolide.broker.transaction.InDoubtBranch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The XA branches XA recover lists (prepared, in doubt, or rolled back heuristically), each with
 * its age and message count and buttons that commit or roll it back by hand.
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
                    Cell.fixed(Instant.ofEpochMilli(branch.since()).toString()),
                    Cell.fixed(Duration.ofMillis(Math.max(0, now - branch.since())).toSeconds() + " s"),
                    Cell.fixed(Integer.toString(branch.messages())),
                    Cell.button("Commit", "/transactions/xa/commit" + query),
                    Cell.button("Roll back", "/transactions/xa/rollback" + query)));
        }
        return List.of(new Table(rows.size() + " XA branches in doubt", List.of("Xid", "state", "since", "age",
                "messages", "", ""), rows));
    }
}

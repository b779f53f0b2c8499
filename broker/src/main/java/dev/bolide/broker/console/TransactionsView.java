package dev.bolide.broker.console;

import dev.bolide.broker.transaction.UndecidedTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Transactions page: the half messages whose producer has not decided them, oldest first, a
 * page at a time, each with its age, producer group and check-backs so far, and buttons that commit
 * or roll it back.
 */
final class TransactionsView implements View {
    private final List<UndecidedTransaction> undecided;
    private final int page;
    private final Clock clock;

    TransactionsView(List<UndecidedTransaction> undecided, int page, Clock clock) {
        this.undecided = undecided;
        this.page = page;
        this.clock = clock;
    }

    @Override
    public String title() {
        return "Transactions";
    }

    @Override
    public List<Table> tables() {
        long now = clock.millis();
        int first = (int) Math.min(undecided.size(), (long) page * MessageSearch.PAGE);
        List<List<Cell>> rows = new ArrayList<>();
        for (UndecidedTransaction transaction : undecided.subList(first,
                Math.min(undecided.size(), first + MessageSearch.PAGE))) {
            String offset = "?offset=" + transaction.halfOffset();
            rows.add(List.of(Cell.fixed(transaction.uniqueKey() == null ? "" : transaction.uniqueKey()),
                    Cell.fixed(transaction.topic()), Cell.fixed(String.valueOf(transaction.producerGroup())),
                    Cell.time(transaction.bornTimestamp()),
                    Cell.age(transaction.bornTimestamp(), now),
                    Cell.fixed(Integer.toString(transaction.checkTimes())),
                    Cell.button("Commit", "/transactions/commit" + offset),
                    Cell.button("Roll back", "/transactions/rollback" + offset)));
        }
        return List.of(new Table(undecided.size() + " undecided transactions" + (rows.isEmpty() ? ""
                : ", " + (first + 1) + " to " + (first + rows.size()) + " shown"), List.of("transaction id",
                "topic", "producer group", "sent", "age", "check-backs", "", ""), rows));
    }

    /** Links to the pages before and after this one. */
    String pages() {
        return Html.pageLinks("/transactions?page=", page, (long) (page + 1) * MessageSearch.PAGE < undecided.size());
    }
}

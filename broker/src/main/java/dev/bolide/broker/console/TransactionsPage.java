package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.transaction.TransactionService;
import dev.bolide.broker.transaction.UndecidedTransactions;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /transactions?page=}: the undecided transactions, the XA branches in doubt, and the
 * transactions across brokers not settled everywhere ({@link CrossBrokerView});
 * {@code POST /transactions/commit?offset=} and {@code /transactions/rollback?offset=} decide one
 * transaction (the CommitLog offset of a half record) as END_TRANSACTION does
 * ({@link UndecidedTransactions#decide}), {@code POST /transactions/xa/commit?branch=} and
 * {@code /transactions/xa/rollback?branch=} a prepared branch in its transaction manager's place,
 * heuristically ({@link TransactionService#decideBranch}), and {@code /transactions/xa/forget?branch=}
 * forgets a heuristic branch ({@link TransactionService#forgetBranch}); then back to the page saying
 * so. Under access control only an admin account may POST ({@link AclAuthenticator}).
 */
final class TransactionsPage implements HttpHandler {
    /** Long enough for a loaded disk; the console's thread waits for the store. */
    private static final long STORE_WAIT_SECONDS = 30;

    private final TransactionService transactions;

    TransactionsPage(TransactionService transactions) {
        this.transactions = transactions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> fields = Forms.fields(exchange.getRequestURI().getRawQuery());
            try {
                switch (exchange.getRequestURI().getPath()) {
                    case "/transactions" -> show(exchange, fields);
                    case "/transactions/commit" -> decide(exchange, fields, true);
                    case "/transactions/rollback" -> decide(exchange, fields, false);
                    case "/transactions/xa/commit" -> decideBranch(exchange, fields, true);
                    case "/transactions/xa/rollback" -> decideBranch(exchange, fields, false);
                    case "/transactions/xa/forget" -> forgetBranch(exchange, fields);
                    default -> exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
                }
            } catch (IllegalArgumentException e) {
                Responses.text(exchange, HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
            } catch (ExecutionException | TimeoutException e) {
                Responses.text(exchange, HttpURLConnection.HTTP_UNAVAILABLE, "not decided: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Responses.text(exchange, HttpURLConnection.HTTP_UNAVAILABLE, "not decided: the console is stopping");
            }
        }
    }

    private void show(HttpExchange exchange, Map<String, String> fields) throws IOException {
        if (!Responses.allows(exchange, "GET")) {
            return;
        }
        TransactionsView view = new TransactionsView(transactions.undecided().list(),
                (int) Math.min(Integer.MAX_VALUE, Forms.number(fields, "page", 0)), Clock.systemUTC());
        View page = new CombinedView(view.title(), List.of(view,
                new XaBranchesView(transactions.inDoubtBranches(), Clock.systemUTC()),
                new CrossBrokerView(transactions.unconfirmedDecisions(), transactions.branchesAwaitingCoordinators(),
                        Clock.systemUTC())));
        String done = fields.containsKey("done") ? "<p id=\"done\">" + Html.escape(fields.get("done")) + "</p>" : "";
        Responses.html(exchange, Html.still(page, done, view.pages(), CsrfGuard.token(exchange)));
    }

    private void decide(HttpExchange exchange, Map<String, String> fields, boolean commit) throws IOException,
            ExecutionException, TimeoutException, InterruptedException {
        if (!Responses.allows(exchange, "POST")) {
            return;
        }
        long offset = Forms.number(fields, "offset", -1);
        if (offset < 0) {
            throw new IllegalArgumentException("name the half message's CommitLog offset");
        }
        boolean decided = transactions.undecided().decide(offset, commit).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
        back(exchange, !decided ? "decided before" : commit ? "committed" : "rolled back");
    }

    private void decideBranch(HttpExchange exchange, Map<String, String> fields, boolean commit) throws IOException,
            ExecutionException, TimeoutException, InterruptedException {
        String branch = branchToChange(exchange, fields);
        if (branch != null) {
            String refusal = transactions.decideBranch(branch, commit).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
            back(exchange, refusal != null ? refusal : "XA branch " + branch + (commit ? " committed" : " rolled back")
                    + " heuristically");
        }
    }

    private void forgetBranch(HttpExchange exchange, Map<String, String> fields) throws IOException,
            ExecutionException, TimeoutException, InterruptedException {
        String branch = branchToChange(exchange, fields);
        if (branch != null) {
            String refusal = transactions.forgetBranch(branch).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
            back(exchange, refusal != null ? refusal : "XA branch " + branch + " forgotten");
        }
    }

    /** The branch a POST names; null when the method was refused (answered already). */
    private static String branchToChange(HttpExchange exchange, Map<String, String> fields) throws IOException {
        if (!Responses.allows(exchange, "POST")) {
            return null;
        }
        String branch = fields.get("branch");
        if (branch == null) {
            throw new IllegalArgumentException("name the XA branch");
        }
        return branch;
    }

    /** Back to the page, which says what was done. */
    private static void back(HttpExchange exchange, String done) throws IOException {
        exchange.getResponseHeaders().set("Location", "/transactions?done=" + URLEncoder.encode(done,
                StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(HttpURLConnection.HTTP_SEE_OTHER, -1);
    }
}

package dev.bolide.broker.console;

import java.util.List;

/**
 * The console's pages as HTML, rendered on the server: a navigation bar, the view's tables, and a
 * few lines of script that fetch the view's JSON every two seconds and put the new numbers in
 * their cells (matched by {@code data-key}), so that they move without a reload; only a new row (a
 * new topic, queue or group) reloads the page.
 */
final class Html {
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em}nav a{margin-right:1em}"
            + "table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #bbb;padding:.25em .6em;"
            + "text-align:left}caption{font-weight:bold;text-align:left;padding:.3em 0}form{margin:.3em 0}";
    private static final String SCRIPT = """
            const api = document.body.dataset.api;
            async function refresh() {
              const response = await fetch(api, {credentials: 'same-origin'});
              if (!response.ok) return;
              const cells = await response.json();
              let newRows = false;
              for (const [key, value] of Object.entries(cells)) {
                const cell = document.querySelector('[data-key="' + CSS.escape(key) + '"]');
                if (cell) cell.textContent = value; else newRows = true;
              }
              if (newRows) location.reload();
            }
            setInterval(refresh, 2000);
            """;

    private Html() {
    }

    /**
     * @param extra further HTML below the tables (forms), already escaped
     * @param token what the buttons' forms carry
     */
    static String page(View view, String api, String extra, FormToken token) {
        return head(view).append(" data-api=\"").append(escape(api)).append("\">")
                .append(body(view, "", extra, token))
                .append("<script>").append(SCRIPT).append("</script></body></html>").toString();
    }

    /**
     * A page whose numbers do not move (a search's results, one message): no script.
     *
     * @param above HTML above the tables (a search form), already escaped
     * @param below HTML below the tables (a link to the next page), already escaped
     * @param token what the buttons' forms carry
     */
    static String still(View view, String above, String below, FormToken token) {
        return head(view).append(">").append(body(view, above, below, token)).append("</body></html>").toString();
    }

    private static StringBuilder head(View view) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(view.title())).append(" - Bolide</title><style>").append(STYLE)
                .append("</style></head><body");
    }

    private static String body(View view, String above, String below, FormToken token) {
        StringBuilder html = new StringBuilder("<nav><a href=\"/\">Cluster</a><a href=\"/topics\">Topics</a>")
                .append("<a href=\"/groups\">Consumer groups</a><a href=\"/messages\">Messages</a>")
                .append("<a href=\"/dlq\">Dead letters</a><a href=\"/transactions\">Transactions</a>")
                .append("<a href=\"/timers\">Timers</a><a href=\"/connections\">Connections</a>")
                .append("<a href=\"/metrics\">Metrics</a></nav><h1>").append(escape(view.title())).append("</h1>");
        html.append(above);
        view.tables().forEach(table -> table(html, table, token));
        return html.append(below).toString();
    }

    private static void table(StringBuilder html, Table table, FormToken token) {
        html.append("<table><caption>").append(escape(table.caption())).append("</caption><tr>");
        table.headers().forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
        html.append("</tr>");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> cell(html, cell, token));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void cell(StringBuilder html, Cell cell, FormToken token) {
        html.append(cell.key() == null ? "<td>" : "<td data-key=\"" + escape(cell.key()) + "\">");
        if (cell.href() == null) {
            html.append(escape(cell.text()));
        } else if (cell.post()) {
            html.append(token.form(cell.href(), "<button>" + escape(cell.text()) + "</button>"));
        } else {
            html.append("<a href=\"").append(escape(cell.href())).append("\">").append(escape(cell.text()))
                    .append("</a>");
        }
        html.append("</td>");
    }

    /**
     * Links to the page before this one and, when {@code more}, the one after.
     *
     * @param base the page's address up to the page number ({@code /dlq?group=G&page=}), not escaped
     */
    static String pageLinks(String base, int page, boolean more) {
        StringBuilder html = new StringBuilder("<p>");
        if (page > 0) {
            html.append("<a id=\"previous-page\" href=\"").append(escape(base + (page - 1)))
                    .append("\">Previous page</a> ");
        }
        if (more) {
            html.append("<a id=\"next-page\" href=\"").append(escape(base + (page + 1))).append("\">Next page</a>");
        }
        return html.append("</p>").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

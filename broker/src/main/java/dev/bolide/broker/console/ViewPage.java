package dev.bolide.broker.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves a view at its path as an HTML page and at {@code /api} + its path as the JSON object of
 * its changing cells ({@code key: text}), which the page's script polls.
 */
final class ViewPage implements HttpHandler {
    private static final JsonFactory JSON = new JsonFactory();

    private final String path;
    private final Supplier<View> view;
    private final Function<FormToken, String> extra;

    /** @param extra HTML below the tables, escaped (forms carrying the token); taken for each page */
    ViewPage(String path, Supplier<View> view, Function<FormToken, String> extra) {
        this.path = path;
        this.view = view;
        this.extra = extra;
    }

    String path() {
        return path;
    }

    String api() {
        return "/api" + (path.equals("/") ? "/cluster" : path);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requested = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(HttpURLConnection.HTTP_BAD_METHOD, -1);
            } else if (requested.equals(api())) {
                Responses.send(exchange, HttpURLConnection.HTTP_OK, "application/json", json(view.get().tables()));
            } else if (requested.equals(path)) {
                Responses.send(exchange, HttpURLConnection.HTTP_OK, "text/html; charset=utf-8",
                        Html.page(view.get(), api(), extra.apply(CsrfGuard.token(exchange)),
                                CsrfGuard.token(exchange)).getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
            }
        }
    }

    private static byte[] json(List<Table> tables) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            for (Table table : tables) {
                for (List<Cell> row : table.rows()) {
                    for (Cell cell : row) {
                        if (cell.key() != null) {
                            json.writeStringField(cell.key(), cell.text());
                        }
                    }
                }
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }
}

package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.metrics.BrokerMetrics;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
public final class MetricsPage implements HttpHandler {
    private final BrokerMetrics metrics;

    public MetricsPage(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (Responses.allows(exchange, "GET")) {
                Responses.send(exchange, HttpURLConnection.HTTP_OK, BrokerMetrics.CONTENT_TYPE,
                        metrics.scrape().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}

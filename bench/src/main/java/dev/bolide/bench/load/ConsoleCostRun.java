package dev.bolide.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --console-cost}: what the console and {@code /metrics} cost a send. Two Bolide brokers run
 * side by side for the whole run and take turns in rounds ({@link SideBySideRounds}): one with
 * {@code consoleListenPort = -1}, one serving its console, its {@code /metrics} scraped every
 * {@link #SCRAPE_INTERVAL} for the whole run, far more often than Prometheus's default of a minute,
 * so that the figure is an upper bound. The meters themselves count on both (brokerStatus reads them).
 */
final class ConsoleCostRun {
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

    private ConsoleCostRun() {
    }

    static String run(HarnessOptions options) throws Exception {
        BrokerSetup brokers = options.brokerSetup();
        int consolePort = FreePorts.consecutive(1);
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + "/metrics")).build();
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong scrapes = new AtomicLong();
        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-scraper");
            thread.setDaemon(true);
            return thread;
        });
        try (SideBySideRounds setups = new SideBySideRounds()) {
            setups.add("Bolide, no console", BolideBrokerProcess.start(brokers, options.bolideJar(), false));
            setups.add("Bolide, console + /metrics scraped",
                    BolideBrokerProcess.startWithConsole(brokers, options.bolideJar(), consolePort));
            scraper.scheduleWithFixedDelay(() -> scrape(http, metrics, scrapes), 0, SCRAPE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            String table = setups.run(options, "Console", List.of(
                    new SideBySideRounds.Ratio("console + /metrics / no console", 1, 0)));
            return table + String.format("/metrics answered 200 %d times, every %d ms%n", scrapes.get(),
                    SCRAPE_INTERVAL.toMillis());
        } finally {
            scraper.shutdownNow();
        }
    }

    /** One scrape, as Prometheus makes it; counted when answered 200. */
    private static void scrape(HttpClient http, HttpRequest metrics, AtomicLong scrapes) {
        try {
            HttpResponse<Void> answer = http.send(metrics, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                scrapes.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // not up yet, or shutting down: the count says how many scrapes were served
        }
    }
}

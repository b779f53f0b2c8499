package dev.bolide.tck.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Requests to a broker's console, as a browser or Prometheus makes them, signed with basic authentication or not. */
final class ConsoleHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final int port;

    ConsoleHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> get(String path, String accessKey, String secretKey) throws IOException, InterruptedException {
        return send(signed(request(path), accessKey, secretKey).GET());
    }

    HttpResponse<String> post(String path, String accessKey, String secretKey) throws IOException,
            InterruptedException {
        return send(signed(request(path), accessKey, secretKey).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A form's POST, as a browser sends it: {@code body} is already URL-encoded. */
    HttpResponse<String> postForm(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request, String accessKey, String secretKey) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.bolide.tck.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests to a broker's console, as a browser or Prometheus makes them, signed with basic
 * authentication or not; keeping the console's session cookie as a browser does.
 */
final class ConsoleHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .cookieHandler(new CookieManager()).build();
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

    /**
     * A form's POST, as a browser sends it, but without the form token of the console's pages: {@code body}
     * is already URL-encoded.
     */
    HttpResponse<String> postForm(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form's POST as a page of {@code origin} makes it: {@code body} is already URL-encoded. */
    HttpResponse<String> postFormFrom(String origin, String path, String body) throws IOException,
            InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form's POST with the form token {@code page} (a console page with forms) carries, as its own form would. */
    HttpResponse<String> postFormOf(String page, String path, String body) throws IOException, InterruptedException {
        return postForm(path, (body.isEmpty() ? "" : body + "&") + "csrf=" + formToken(page));
    }

    /** The form token of this client's console session, as {@code page} (a console page with forms) carries it. */
    String formToken(String page) throws IOException, InterruptedException {
        Matcher token = FORM_TOKEN.matcher(get(page).body());
        if (!token.find()) {
            throw new IllegalStateException(page + " carries no form token");
        }
        return token.group(1);
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

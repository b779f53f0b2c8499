package dev.bolide.shop.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The shop that {@code bin/bolide-shop start} runs, as the integration tests see it: its URLs, its REST
 * API over the JDK's HTTP client with JSON bodies, and waits for what its message-driven beans do later.
 * The build passes the HTTP port of a shop on WildFly ({@code shop.httpPort}, profile wildfly) or the
 * Payara domain's port base ({@code shop.portBase}); without either (a test started by hand) the shop
 * is the one on Payara's default ports.
 */
public final class RunningShop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private RunningShop(URI root) {
        this.root = root;
    }

    public static RunningShop fromBuild() {
        int httpPort = Integer.getInteger("shop.httpPort", PayaraPorts.fromBuild().http());
        return new RunningShop(URI.create("http://localhost:" + httpPort + "/shop/"));
    }

    /** The shop's HTML page. */
    public URI page() {
        return root;
    }

    /** An endpoint under {@code /shop/api/}, e.g. {@code api("health")}. */
    public URI api(String path) {
        return root.resolve("api/" + path);
    }

    public Reply get(String apiPath) {
        return send(request(apiPath).GET());
    }

    public Reply getPage() {
        return send(HttpRequest.newBuilder(page()).timeout(REQUEST_TIMEOUT).GET());
    }

    public Reply post(String apiPath, JsonNode body) {
        return send(request(apiPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply post(String apiPath) {
        return send(request(apiPath).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A JSON object for a request body: {@code json().put("userId", 1).put("quantity", 2)}. */
    public static ObjectNode json() {
        return JSON.createObjectNode();
    }

    /**
     * Waits for what happens after a request has answered (message-driven beans, delayed messages);
     * the limit is generous because the machine may be loaded, not a claim about speed.
     */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
    }

    private HttpRequest.Builder request(String apiPath) {
        return HttpRequest.newBuilder(api(apiPath)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the shop", e);
        }
    }

    /** An HTTP answer: its status and body. */
    public record Reply(int status, String body) {

        /** The body as JSON; a body that is not JSON fails with the body in the message. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }
}

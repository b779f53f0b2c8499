package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection of every change the console makes: a browser signed in to
 * the console (or merely able to reach it on loopback) must not be made to change the broker by a
 * page of another site. Each browser gets a random session cookie ({@code HttpOnly},
 * {@code SameSite=Strict}); the pages put an HMAC of it, under a key only this server knows, into
 * their forms ({@link FormToken}). Anything but GET and HEAD must carry that token as the form field
 * {@value FormToken#FIELD}, and, when the browser names where the request comes from ({@code Origin},
 * else {@code Referer}), come from this console; else 403 with the reason, and the request's
 * handler never runs. Runs after the access control: an account that may not change anything is
 * refused before.
 */
final class CsrfGuard implements HttpHandler {
    private static final String COOKIE = "bolide_console_session";
    private static final String TOKEN = FormToken.class.getName();
    private static final String HMAC = "HmacSHA256";
    /** Far more than any of the console's forms; a longer body is no form of the console. */
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private final SecureRandom random;
    private final SecretKeySpec key;
    private final HttpHandler handler;

    /** @param key this server's secret, random and shared by all its paths */
    CsrfGuard(SecureRandom random, byte[] key, HttpHandler handler) {
        this.random = random;
        this.key = new SecretKeySpec(key, HMAC);
        this.handler = handler;
    }

    /** The token the forms of the page answering {@code exchange} carry. */
    static FormToken token(HttpExchange exchange) {
        return (FormToken) exchange.getAttribute(TOKEN);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String session = session(exchange);
        boolean newSession = session == null;
        if (newSession) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session
                    + "; Path=/; HttpOnly; SameSite=Strict");
        }
        FormToken token = new FormToken(sign(session));
        exchange.setAttribute(TOKEN, token);
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            handler.handle(exchange);
            return;
        }
        String refusal = foreignOrigin(exchange);
        if (refusal == null) {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
            String sent = Forms.fields(new String(body, StandardCharsets.UTF_8)).get(FormToken.FIELD);
            if (newSession || body.length > MAX_FORM_BYTES || sent == null || !MessageDigest.isEqual(
                    sent.getBytes(StandardCharsets.UTF_8), token.value().getBytes(StandardCharsets.UTF_8))) {
                refusal = "refused: the request lacks this console session's form token (CSRF protection);"
                        + " reload the console's page and send its form again";
            } else {
                exchange.setStreams(new ByteArrayInputStream(body), null);
            }
        }
        if (refusal != null) {
            try (exchange) {
                Responses.text(exchange, HttpURLConnection.HTTP_FORBIDDEN, refusal);
            }
            return;
        }
        handler.handle(exchange);
    }

    /** Why the request is refused when the browser says it comes from another site; null when it does not. */
    private static String foreignOrigin(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String referer = exchange.getRequestHeaders().getFirst("Referer");
        String own = "http://" + host;
        if (origin != null ? !origin.equalsIgnoreCase(own)
                : referer != null && !referer.regionMatches(true, 0, own + "/", 0, own.length() + 1)) {
            return "refused: the request comes from " + (origin != null ? origin : referer) + ", not from this"
                    + " console (" + own + "), and may be forged by another site (CSRF protection)";
        }
        return null;
    }

    /** The session named by the request's cookie; null when it has none. */
    private static String session(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                String pair = cookie.trim();
                if (pair.startsWith(COOKIE + "=") && pair.length() > COOKIE.length() + 1) {
                    return pair.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private String sign(String session) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }
}

package dev.bolide.broker.console;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.bolide.broker.acl.SignedIn;
import dev.bolide.broker.acl.WatchedAclFile;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP basic authentication against the {@code plain_acl.yml} accounts in force: the access key is
 * the user name, the secret key the password. A missing, malformed or wrong pair gets 401. Reads
 * (GET, HEAD) are for any account; changes only for an admin account, 403 for the others.
 */
final class AclAuthenticator extends Authenticator {
    private static final String REALM = "bolide";
    private static final String BASIC = "Basic ";

    private final WatchedAclFile acl;

    AclAuthenticator(WatchedAclFile acl) {
        this.acl = acl;
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        Optional<SignedIn> account = credentials(exchange.getRequestHeaders().getFirst("Authorization"))
                .flatMap(pair -> acl.signIn(pair[0], pair[1]));
        if (account.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            return new Retry(HttpURLConnection.HTTP_UNAUTHORIZED);
        }
        if (!account.get().admin() && !isRead(exchange.getRequestMethod())) {
            return new Failure(HttpURLConnection.HTTP_FORBIDDEN);
        }
        return new Success(new HttpPrincipal(account.get().accessKey(), REALM));
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** The access key and secret key of a basic {@code Authorization} header. */
    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}

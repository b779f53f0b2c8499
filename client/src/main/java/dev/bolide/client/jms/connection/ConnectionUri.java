package dev.bolide.client.jms.connection;

import dev.bolide.client.spi.ConnectionSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The URI form of the connection settings:
 * {@code bolide://h1:9876;h2:9876?clientId=..&requestTimeout=..&maxRedeliveries=..}. A plain
 * {@code host:port} list (no scheme) is accepted too.
 */
public final class ConnectionUri {
    public static final String SCHEME = "bolide://";

    private ConnectionUri() {
    }

    /** The settings as properties, for {@link ConnectionSettings#of(Properties)}. */
    public static Properties parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("no connection URI or name server address given");
        }
        String rest = uri.trim();
        if (rest.contains("://")) {
            if (!rest.startsWith(SCHEME)) {
                throw new IllegalArgumentException("connection URI '" + uri + "' must start with " + SCHEME);
            }
            rest = rest.substring(SCHEME.length());
        }
        Properties properties = new Properties();
        int query = rest.indexOf('?');
        properties.setProperty("nameServers", query < 0 ? rest : rest.substring(0, query));
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("connection URI parameter '" + pair + "' is not name=value");
                }
                properties.setProperty(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}

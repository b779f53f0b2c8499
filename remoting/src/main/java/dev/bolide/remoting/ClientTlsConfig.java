package dev.bolide.remoting;

import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * A client's TLS settings, RocketMQ's {@code tls.client.*} keys. The server's host name is not
 * checked against its certificate, as RocketMQ does not check it (brokers are reached at the
 * addresses they register, rarely in their certificates).
 *
 * @param trustAnyServer whether any server certificate is accepted (RocketMQ's test mode, or
 *                       {@code tls.client.authServer = false}): encryption without knowing the server
 * @param trustCertPath  the certificates a server's must chain to; null: the JDK's trust store
 * @param certPath       the client's certificate chain, for servers that ask for one; null: none
 * @param keyPath        its private key
 * @param keyPassword    the key's password; null for an unencrypted key
 */
public record ClientTlsConfig(boolean trustAnyServer, Path trustCertPath, Path certPath, Path keyPath,
        String keyPassword) {

    /**
     * The TLS of a client's {@code useTLS} and {@code tls*} properties (Bolide's JMS client and the
     * adapter); null without {@code useTLS}.
     *
     * @param trustCertPath, certPath, keyPath blank or null: not given
     */
    public static ClientTlsConfig of(boolean useTls, String trustCertPath, boolean trustAnyServer, String certPath,
            String keyPath) {
        return useTls ? new ClientTlsConfig(trustAnyServer, path(trustCertPath), path(certPath), path(keyPath), null)
                : null;
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim());
    }

    /** A client that verifies the server against {@code trustCertPath} (null: the JDK's trust store). */
    public static ClientTlsConfig trusting(Path trustCertPath) {
        return new ClientTlsConfig(false, trustCertPath, null, null, null);
    }

    /** A client that accepts any server certificate: for tests and self-signed brokers only. */
    public static ClientTlsConfig trustingAnyServer() {
        return new ClientTlsConfig(true, null, null, null, null);
    }

    /** @throws IllegalArgumentException one line naming the key and file that cannot be used */
    public ClientTls load() {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (trustAnyServer) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (trustCertPath != null) {
                builder.trustManager(TlsFiles.readable(TlsProperties.CLIENT_TRUST_CERT_PATH, trustCertPath));
            }
            if (certPath != null || keyPath != null) {
                if (certPath == null || keyPath == null) {
                    throw new IllegalArgumentException("both " + TlsProperties.CLIENT_CERT_PATH + " and "
                            + TlsProperties.CLIENT_KEY_PATH + " are needed, one is missing");
                }
                try {
                    builder.keyManager(TlsFiles.readable(TlsProperties.CLIENT_CERT_PATH, certPath),
                            TlsFiles.readable(TlsProperties.CLIENT_KEY_PATH, keyPath), keyPassword);
                } catch (IllegalArgumentException e) {
                    throw TlsFiles.keyRefused(e, TlsProperties.CLIENT_KEY_PATH, keyPath,
                            TlsProperties.CLIENT_KEY_PASSWORD, keyPassword);
                }
            }
            return new ClientTls(builder.build());
        } catch (IllegalArgumentException | SSLException e) {
            throw new IllegalArgumentException("TLS client: " + TlsFiles.oneLine(e), e);
        }
    }
}

package dev.bolide.remoting;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * A server's TLS settings, RocketMQ's {@code tls.server.*} keys (see {@link TlsProperties}).
 *
 * @param certPath      {@code tls.server.certPath}: the X.509 certificate chain, PEM
 * @param keyPath       {@code tls.server.keyPath}: the PKCS#8 private key, PEM
 * @param keyPassword   {@code tls.server.keyPassword}: the key's password; null for an unencrypted key
 * @param clientAuth    {@code tls.server.need.client.auth}
 * @param authClient    {@code tls.server.authClient}: whether client certificates are verified (against
 *                      {@code trustCertPath}, or the JDK's trust store); false accepts any
 * @param trustCertPath {@code tls.server.trustCertPath}, or null
 * @param testMode      {@code tls.test.mode.enable}: without a certificate, make a self-signed one
 */
public record ServerTlsConfig(TlsMode mode, Path certPath, Path keyPath, String keyPassword,
        ClientAuthentication clientAuth, boolean authClient, Path trustCertPath, boolean testMode) {

    /**
     * Loads the certificate, key and trust this configuration names.
     *
     * @throws IllegalArgumentException one line naming the key and file that cannot be used
     */
    public ServerTls load() {
        if (mode == TlsMode.DISABLED) {
            return ServerTls.DISABLED;
        }
        try {
            SslContextBuilder builder = certificate()
                    .clientAuth(ClientAuth.valueOf(clientAuth.name()));
            if (!authClient) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (trustCertPath != null) {
                builder.trustManager(TlsFiles.readable(TlsProperties.SERVER_TRUST_CERT_PATH, trustCertPath));
            }
            return new ServerTls(mode, builder.build());
        } catch (IllegalArgumentException | SSLException e) {
            throw new IllegalArgumentException(TlsProperties.SERVER_MODE + " = " + mode.rocketMqName() + ", but "
                    + TlsFiles.oneLine(e) + "; the server does not start without the TLS it was asked for", e);
        }
    }

    /** The configured certificate and key; in test mode without them, a self-signed certificate. */
    private SslContextBuilder certificate() {
        if (certPath != null || keyPath != null) {
            if (certPath == null || keyPath == null) {
                throw new IllegalArgumentException("both " + TlsProperties.SERVER_CERT_PATH + " and "
                        + TlsProperties.SERVER_KEY_PATH + " are needed, one is missing");
            }
            try {
                return SslContextBuilder.forServer(TlsFiles.readable(TlsProperties.SERVER_CERT_PATH, certPath),
                        TlsFiles.readable(TlsProperties.SERVER_KEY_PATH, keyPath), keyPassword);
            } catch (IllegalArgumentException e) {
                throw TlsFiles.keyRefused(e, TlsProperties.SERVER_KEY_PATH, keyPath,
                        TlsProperties.SERVER_KEY_PASSWORD, keyPassword);
            }
        }
        if (!testMode) {
            throw new IllegalArgumentException(TlsProperties.SERVER_CERT_PATH + " and " + TlsProperties.SERVER_KEY_PATH
                    + " are not set (nor " + TlsProperties.TEST_MODE_ENABLE + " = true)");
        }
        try {
            SelfSignedCertificate selfSigned = new SelfSignedCertificate();
            return SslContextBuilder.forServer(selfSigned.key(), selfSigned.cert());
        } catch (Exception | LinkageError e) {
            // Netty makes it with BouncyCastle, or with JDK internals that Java 17 no longer opens
            throw new IllegalArgumentException(TlsProperties.TEST_MODE_ENABLE + " = true, but this JVM cannot make "
                    + "a self-signed certificate (" + TlsFiles.oneLine(e) + "): set " + TlsProperties.SERVER_CERT_PATH
                    + " and " + TlsProperties.SERVER_KEY_PATH);
        }
    }
}

package dev.bolide.ra;

import dev.bolide.remoting.ClientTlsConfig;
import java.io.Serializable;
import java.util.Objects;

/**
 * The TLS properties the adapter and its connection factories share ({@code ra.xml}'s {@code useTLS}
 * and {@code tls*}), with the meaning of the JMS client's ({@code useTLS} and the {@code tls*} keys
 * of its connection settings).
 */
public abstract class ClientTlsProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    private Boolean useTLS;
    private String tlsTrustCertPath;
    private Boolean tlsTrustAnyServer;
    private String tlsCertPath;
    private String tlsKeyPath;

    /** @param useTLS the initial {@code useTLS} and {@code tlsTrustAnyServer}; null: not set */
    protected ClientTlsProperties(Boolean useTLS) {
        this.useTLS = useTLS;
        this.tlsTrustAnyServer = useTLS;
    }

    /** The TLS these properties ask for; null: plain connections, or {@code useTLS} not set. */
    protected ClientTlsConfig tlsConfig() {
        return ClientTlsConfig.of(Boolean.TRUE.equals(useTLS), tlsTrustCertPath,
                Boolean.TRUE.equals(tlsTrustAnyServer), tlsCertPath, tlsKeyPath);
    }

    protected boolean sameTlsProperties(ClientTlsProperties other) {
        return Objects.equals(useTLS, other.useTLS) && Objects.equals(tlsTrustCertPath, other.tlsTrustCertPath)
                && Objects.equals(tlsTrustAnyServer, other.tlsTrustAnyServer)
                && Objects.equals(tlsCertPath, other.tlsCertPath) && Objects.equals(tlsKeyPath, other.tlsKeyPath);
    }

    protected int tlsPropertiesHash() {
        return Objects.hash(useTLS, tlsTrustCertPath, tlsTrustAnyServer, tlsCertPath, tlsKeyPath);
    }

    public Boolean getUseTLS() {
        return useTLS;
    }

    public void setUseTLS(Boolean useTLS) {
        this.useTLS = useTLS;
    }

    public String getTlsTrustCertPath() {
        return tlsTrustCertPath;
    }

    public void setTlsTrustCertPath(String tlsTrustCertPath) {
        this.tlsTrustCertPath = tlsTrustCertPath;
    }

    public Boolean getTlsTrustAnyServer() {
        return tlsTrustAnyServer;
    }

    public void setTlsTrustAnyServer(Boolean tlsTrustAnyServer) {
        this.tlsTrustAnyServer = tlsTrustAnyServer;
    }

    public String getTlsCertPath() {
        return tlsCertPath;
    }

    public void setTlsCertPath(String tlsCertPath) {
        this.tlsCertPath = tlsCertPath;
    }

    public String getTlsKeyPath() {
        return tlsKeyPath;
    }

    public void setTlsKeyPath(String tlsKeyPath) {
        this.tlsKeyPath = tlsKeyPath;
    }
}

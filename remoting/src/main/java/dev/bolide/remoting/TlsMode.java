package dev.bolide.remoting;

/** RocketMQ's {@code tls.server.mode}: what a server accepts on its ports. */
public enum TlsMode {
    /** Plain connections only; a TLS handshake is closed. */
    DISABLED,
    /** Plain and TLS connections on the same port, told apart by their first byte. */
    PERMISSIVE,
    /** TLS connections only; a plain one is closed. */
    ENFORCING;

    /**
     * RocketMQ's spelling, any case. Unlike RocketMQ, which takes an unknown mode for permissive, an
     * unknown mode is an error: a misspelt "enforcing" must not serve plain connections.
     */
    public static TlsMode parse(String text) {
        return RocketMqSpelling.parse(TlsMode.class, text);
    }

    public String rocketMqName() {
        return RocketMqSpelling.of(this);
    }
}

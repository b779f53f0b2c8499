package dev.bolide.remoting;

/** RocketMQ's {@code tls.server.need.client.auth}: whether a TLS client must show a certificate. */
public enum ClientAuthentication {
    NONE, OPTIONAL, REQUIRE;

    /** Any case; unlike RocketMQ, which takes an unknown value for none, an unknown value is an error. */
    public static ClientAuthentication parse(String text) {
        return RocketMqSpelling.parse(ClientAuthentication.class, text);
    }

    public String rocketMqName() {
        return RocketMqSpelling.of(this);
    }
}

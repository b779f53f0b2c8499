package dev.bolide.bench.load;

import java.util.List;

/**
 * How a Bolide broker is secured ({@code broker.conf} lines) and how a client must then talk to it:
 * over TLS, and/or signing every request with an account ({@link SecuredClients} makes such clients).
 * No RocketMQ type appears here: the JMS harness, whose jar has no RocketMQ client, starts brokers
 * through this record too.
 *
 * @param name            what the report calls it
 * @param brokerConfLines added to the broker's {@code broker.conf}
 * @param clientTls       whether clients connect with TLS ({@code useTLS}, what {@code -Dtls.enable=true} sets)
 * @param account         the account clients sign with, or null to sign nothing
 */
record BrokerSecurity(String name, List<String> brokerConfLines, boolean clientTls, Account account) {
    static final BrokerSecurity NONE = new BrokerSecurity("plain", List.of(), false, null);

    /** An ACL account: RocketMQ's access key and secret key. */
    record Account(String accessKey, String secretKey) {
    }

    /** {@code tls.server.mode = mode} with the certificate and key (PEM files); clients use TLS. */
    static BrokerSecurity tls(String mode, String certificate, String privateKey) {
        return new BrokerSecurity("TLS " + mode, List.of("tls.server.mode = " + mode,
                "tls.server.certPath = " + certificate, "tls.server.keyPath = " + privateKey), true, null);
    }

    /** {@code aclEnable = true} with the rules of {@code plainAclYml}; clients sign with {@code account}. */
    static BrokerSecurity acl(String plainAclYml, Account account) {
        return new BrokerSecurity("ACL", List.of("aclEnable = true", "aclConfigFile = " + plainAclYml), false,
                account);
    }
}

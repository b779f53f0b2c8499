package dev.bolide.bench.load;

import java.util.List;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * How a Bolide broker is secured ({@code broker.conf} lines) and how a client must then talk to it:
 * over TLS, and/or signing every request with an account as rocketmq-acl's {@link AclClientRPCHook}
 * does.
 *
 * @param name            what the report calls it
 * @param brokerConfLines added to the broker's {@code broker.conf}
 * @param clientTls       whether clients connect with TLS ({@code useTLS}, what {@code -Dtls.enable=true} sets)
 * @param credentials     the account clients sign with, or null to sign nothing
 */
record BrokerSecurity(String name, List<String> brokerConfLines, boolean clientTls, SessionCredentials credentials) {
    static final BrokerSecurity NONE = new BrokerSecurity("plain", List.of(), false, null);

    /** {@code tls.server.mode = mode} with the certificate and key (PEM files); clients use TLS. */
    static BrokerSecurity tls(String mode, String certificate, String privateKey) {
        return new BrokerSecurity("TLS " + mode, List.of("tls.server.mode = " + mode,
                "tls.server.certPath = " + certificate, "tls.server.keyPath = " + privateKey), true, null);
    }

    /** {@code aclEnable = true} with the rules of {@code plainAclYml}; clients sign with {@code credentials}. */
    static BrokerSecurity acl(String plainAclYml, SessionCredentials credentials) {
        return new BrokerSecurity("ACL", List.of("aclEnable = true", "aclConfigFile = " + plainAclYml), false,
                credentials);
    }

    /** A producer (not started) that talks to a broker secured so. */
    DefaultMQProducer newProducer(String group) {
        DefaultMQProducer producer = credentials == null ? new DefaultMQProducer(group)
                : new DefaultMQProducer(group, new AclClientRPCHook(credentials));
        producer.setUseTLS(clientTls);
        return producer;
    }

    /** A push consumer (not started) that talks to a broker secured so, with the client's default queue allocation. */
    DefaultMQPushConsumer newPushConsumer(String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group,
                credentials == null ? null : new AclClientRPCHook(credentials), new AllocateMessageQueueAveragely());
        consumer.setUseTLS(clientTls);
        return consumer;
    }
}

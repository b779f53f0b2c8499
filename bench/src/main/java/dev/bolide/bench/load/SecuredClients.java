package dev.bolide.bench.load;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * RocketMQ clients (not started) that talk to a broker secured as a {@link BrokerSecurity} says: over
 * TLS, and signing every request as rocketmq-acl's {@link AclClientRPCHook} does when it names an account.
 */
final class SecuredClients {

    private SecuredClients() {
    }

    static DefaultMQProducer newProducer(BrokerSecurity security, String group) {
        DefaultMQProducer producer = new DefaultMQProducer(group, signing(security));
        producer.setUseTLS(security.clientTls());
        return producer;
    }

    /** A push consumer with the client's default queue allocation. */
    static DefaultMQPushConsumer newPushConsumer(BrokerSecurity security, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, signing(security),
                new AllocateMessageQueueAveragely());
        consumer.setUseTLS(security.clientTls());
        return consumer;
    }

    /** The hook that signs as the account, or null (what the clients take for "sign nothing"). */
    private static RPCHook signing(BrokerSecurity security) {
        BrokerSecurity.Account account = security.account();
        return account == null ? null
                : new AclClientRPCHook(new SessionCredentials(account.accessKey(), account.secretKey()));
    }
}

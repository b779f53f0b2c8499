package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.RPCHook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shop's embedded broker runs with access control: the account {@code bin/bolide-shop} put in the
 * domain is served, a client without it or with a wrong secret key is refused (the real RocketMQ
 * 4.9 client, signing as {@code AclClientRPCHook} does).
 */
class BrokerAccessOnPayaraIT {
    /** A topic of its own: nothing of the shop listens to it. */
    private static final String TOPIC = "ShopAclProbe";

    private final String nameServer = "127.0.0.1:" + Integer.getInteger("shop.nameServerPort", 9876);
    private final ShopDomain domain = ShopDomain.fromBuild();
    private final List<DefaultMQProducer> producers = new ArrayList<>();

    /** Also creates the probe topic, so that the refusals below come from the broker, not from a missing route. */
    @BeforeEach
    void sendAsTheShop() throws Exception {
        SessionCredentials shop = new SessionCredentials(ShopDomain.BROKER_USER, domain.brokerSecretKey());

        assertThat(producer(new AclClientRPCHook(shop)).send(probe()).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    @AfterEach
    void shutdown() {
        producers.forEach(DefaultMQProducer::shutdown);
    }

    @Test
    void aClientWithoutAnAccountIsRefused() throws Exception {
        DefaultMQProducer unsigned = producer(null);

        assertRefused(catchThrowable(() -> unsigned.send(probe())), "No accessKey is configured");
    }

    @Test
    void aClientWithAWrongSecretKeyIsRefused() throws Exception {
        DefaultMQProducer wrong = producer(new AclClientRPCHook(
                new SessionCredentials(ShopDomain.BROKER_USER, "not-the-secret-key")));

        assertRefused(catchThrowable(() -> wrong.send(probe())),
                "Check signature failed for accessKey=" + ShopDomain.BROKER_USER);
    }

    private DefaultMQProducer producer(RPCHook hook) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer("shop-acl-probes", hook);
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("probe-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        producers.add(producer);
        return producer;
    }

    private static Message probe() {
        return new Message(TOPIC, "probe".getBytes(StandardCharsets.UTF_8));
    }

    /** RocketMQ's code for an ACL refusal (SYSTEM_ERROR) and its words, somewhere in the cause chain. */
    private static void assertRefused(Throwable thrown, String reason) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof MQBrokerException broker && broker.getResponseCode() == ResponseCode.SYSTEM_ERROR
                    && broker.getErrorMessage().contains(reason)) {
                return;
            }
            if (t instanceof MQClientException client && client.getResponseCode() == ResponseCode.SYSTEM_ERROR
                    && client.getErrorMessage().contains(reason)) {
                return;
            }
        }
        throw new AssertionError("not refused for '" + reason + "': " + thrown, thrown);
    }
}

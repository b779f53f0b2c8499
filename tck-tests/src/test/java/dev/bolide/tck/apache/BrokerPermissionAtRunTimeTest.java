package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code mqadmin updateBrokerConfig -k brokerPermission} on a running broker, Apache RocketMQ 4.9.7
 * the judge: each broker registers again at once, so the route's permission reads 4 well within
 * the 30 s registration period, and back to 6 the same way; meanwhile the broker answers sends as
 * RocketMQ does (its producers find no writable queue; a send straight to it, past the routes, is
 * taken). Ordered topics are left out: RocketMQ refuses their sends, but takes a topic as ordered only
 * when its name server's {@code ORDER_TOPIC_CONFIG} says so, which Bolide does not read.
 */
class BrokerPermissionAtRunTimeTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @RegisterExtension
    @Order(1)
    static final ApacheRocketMqBroker APACHE = new ApacheRocketMqBroker();
    @RegisterExtension
    @Order(2)
    static final BolideBrokerFixture BOLIDE = new BolideBrokerFixture(() -> new String[0]);

    @Test
    void aPermissionChangedAtRunTimeIsRoutedAtOnceAndSendsAreAnsweredAsByApacheRocketMq() throws Exception {
        List<String> apache = observe(APACHE.nameServerAddress(), APACHE.brokerAddress());
        List<String> bolide = observe(BOLIDE.nameServerAddress(), BOLIDE.address());

        assertThat(apache).containsExactly("route perm 4", "send to Events: 0", "producer: MQClientException",
                "route perm 6", "producer: SEND_OK");
        assertThat(bolide).isEqualTo(apache);
    }

    /** Takes one broker out of the producers' way and back, telling what clients see meanwhile. */
    private static List<String> observe(String nameServer, String broker) throws Exception {
        List<String> seen = new ArrayList<>();
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(nameServer);
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        try {
            admin.createAndUpdateTopicConfig(broker, new TopicConfig("Events", 4, 4,
                    PermName.PERM_READ | PermName.PERM_WRITE));
            awaitRoutedPerm(admin, PermName.PERM_READ | PermName.PERM_WRITE, Duration.ofSeconds(60));

            admin.updateBrokerConfig(broker, brokerPermission(PermName.PERM_READ));
            seen.add("route perm " + awaitRoutedPerm(admin, PermName.PERM_READ, AT_ONCE));
            seen.add("send to Events: " + sendStraightTo(broker, "Events"));
            seen.add("producer: " + producerSend(nameServer));

            admin.updateBrokerConfig(broker, brokerPermission(PermName.PERM_READ | PermName.PERM_WRITE));
            seen.add("route perm " + awaitRoutedPerm(admin, PermName.PERM_READ | PermName.PERM_WRITE, AT_ONCE));
            seen.add("producer: " + producerSend(nameServer));
        } finally {
            admin.shutdown();
        }
        return seen;
    }

    private static Properties brokerPermission(int perm) {
        Properties properties = new Properties();
        properties.setProperty("brokerPermission", Integer.toString(perm));
        return properties;
    }

    private static int awaitRoutedPerm(DefaultMQAdminExt admin, int perm, Duration within) {
        await().atMost(within).ignoreExceptions().until(() -> admin.examineTopicRouteInfo("Events").getQueueDatas()
                .stream().map(QueueData::getPerm).toList(), perms -> perms.equals(List.of(perm)));
        return perm;
    }

    /** The answer code to a send to queue 0 of {@code topic}, straight to the broker, past the routes. */
    private static int sendStraightTo(String broker, String topic) throws Exception {
        SendMessageRequestHeader header = SendHeaders.toQueueZero("PG-perm", topic);
        return BOLIDE.call(broker, RequestCode.SEND_MESSAGE, header, "hello".getBytes(StandardCharsets.UTF_8))
                .getCode();
    }

    /** What a new 4.9.8 producer's send to Events ends in: its status, or the exception's class. */
    private static String producerSend(String nameServer) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PG-perm-" + System.nanoTime());
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("producer-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        try {
            return producer.send(new Message("Events", "m".getBytes(StandardCharsets.UTF_8))).getSendStatus().name();
        } catch (MQBrokerException e) {
            return "MQBrokerException " + e.getResponseCode();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        } finally {
            producer.shutdown();
        }
    }
}

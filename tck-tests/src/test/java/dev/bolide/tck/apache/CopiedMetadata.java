package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * What a slave copies from its master, RocketMQ's SlaveSynchronize: a topic, a subscription group
 * and a committed offset made on a master, then looked for on its slave.
 */
final class CopiedMetadata {
    /** A registration (10 s) to learn the master, then a copy (10 s), on a loaded machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private CopiedMetadata() {
    }

    /** Creates topic Orders, group OrderConsumers and its offset 42 on queue 2 on the master. */
    static void makeOnTheMaster(DefaultMQAdminExt admin, String master, String brokerName) throws Exception {
        admin.createAndUpdateTopicConfig(master, new TopicConfig("Orders", 4, 4, 6));
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName("OrderConsumers");
        group.setRetryMaxTimes(5);
        admin.createAndUpdateSubscriptionGroupConfig(master, group);
        admin.updateConsumeOffset(master, "OrderConsumers", new MessageQueue("Orders", brokerName, 2), 42);
    }

    /** Waits until the slave at {@code slave} answers with all three, asking through {@code caller}. */
    static void awaitOnTheSlave(BolideBrokerFixture caller, String slave) {
        QueryConsumerOffsetRequestHeader offset = new QueryConsumerOffsetRequestHeader();
        offset.setConsumerGroup("OrderConsumers");
        offset.setTopic("Orders");
        offset.setQueueId(2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(new String(caller.call(slave, RequestCode.GET_ALL_TOPIC_CONFIG, null).getBody(),
                    StandardCharsets.UTF_8)).contains("\"Orders\"");
            assertThat(new String(caller.call(slave, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null).getBody(),
                    StandardCharsets.UTF_8)).contains("\"OrderConsumers\"");
            assertThat(caller.call(slave, RequestCode.QUERY_CONSUMER_OFFSET, offset).getExtFields())
                    .containsEntry("offset", "42");
        });
    }
}

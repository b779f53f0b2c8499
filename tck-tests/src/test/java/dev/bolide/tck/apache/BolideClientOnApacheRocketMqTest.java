package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bolide's RocketMQ client core against a real Apache RocketMQ 4.9.7 broker. */
class BolideClientOnApacheRocketMqTest {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();

    /**
     * Apache RocketMQ creates a group's {@code %RETRY%} topic when the group's first heartbeat
     * arrives, so joining must not wait for that topic's route, as every new group subscribes it.
     */
    @Test
    void aNewGroupJoinsWithItsRetryTopicNotYetRouted() throws Exception {
        BROKER.createTopic("JoinTopic");
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(BROKER.nameServerAddress()))) {
            client.joinConsumerGroup("new-group",
                    List.of(Subscription.all("JoinTopic"), Subscription.all("%RETRY%new-group")));

            assertThat(client.consumerIds("new-group", "JoinTopic")).hasSize(1);
        }
    }
}

package dev.bolide.tck.ondisk;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import java.nio.file.Files;
import org.apache.rocketmq.client.exception.MQClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Going back: a store this build's Bolide wrote (the sample, then a clean stop) opened by Apache
 * RocketMQ 4.9.7 with the same sizes. A user who moved to Bolide returns to RocketMQ with every
 * message, key, id, topic, subscription group and consumer offset (README, "Moving from Apache
 * RocketMQ").
 */
class BolideStoreOnApacheRocketMqTest extends StoreOpenedContract {
    private static BolideStoreFixture.Written written;

    @RegisterExtension
    static final ApacheRocketMqBroker ROCKETMQ = ApacheRocketMqBroker.onStore(
            store -> written = BolideStoreFixture.write(Files.createDirectories(store.resolveSibling("bolide")), store),
            BolideStoreFixture.CONF);

    @BeforeAll
    void openWithRocketMq() throws MQClientException {
        // the fixture stops RocketMQ after the class
        opened(ROCKETMQ.nameServerAddress(), ROCKETMQ.brokerAddress(), () -> { }, written.sent(), written.metadata());
    }
}

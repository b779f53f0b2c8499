package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch larger than the broker's maxMessageSize is refused with a clear error; the broker keeps serving. */
class OversizedBatchTest {
    @TempDir
    Path dir;

    @Test
    void theBrokerRefusesABatchOverItsMaxMessageSize() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir, "maxMessageSize = 65536")) {
            DefaultMQProducer producer = broker.startProducer();
            try {
                List<Message> batch = List.of(new Message("Big", "T", new byte[40 * 1024]),
                        new Message("Big", "T", new byte[40 * 1024]));

                assertThatThrownBy(() -> producer.send(batch)).isInstanceOf(MQBrokerException.class)
                        .hasMessageContaining("maxMessageSize")
                        .satisfies(e -> assertThat(((MQBrokerException) e).getResponseCode()).isEqualTo(13));
                assertThat(producer.send(new Message("Big", "T", new byte[100])).getSendStatus())
                        .isEqualTo(SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
        }
    }
}

package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query by key and view by id, through the producer's admin methods of the 4.9.8 client. */
class QueryMessagesTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("deprecation")
    void aMessageIsFoundByKeyAndViewedById() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir)) {
            DefaultMQProducer producer = broker.startProducer();
            try {
                long begin = System.currentTimeMillis() - 1000;
                SendResult sent = producer.send(new Message("Query", "T", "order-42",
                        "findme".getBytes(StandardCharsets.UTF_8)));
                producer.send(new Message("Query", "T", "order-43", "other".getBytes(StandardCharsets.UTF_8)));
                // the index is written by the broker's dispatcher, just after the append
                QueryResult byKey = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> producer.queryMessage("Query", "order-42", 10, begin,
                                System.currentTimeMillis() + 1000), result -> !result.getMessageList().isEmpty());
                MessageExt viewed = producer.viewMessage(sent.getOffsetMsgId());

                assertThat(byKey.getMessageList()).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                        .containsExactly("findme");
                assertThat(new String(viewed.getBody(), StandardCharsets.UTF_8)).isEqualTo("findme");
                assertThat(viewed.getKeys()).isEqualTo("order-42");
            } finally {
                producer.shutdown();
            }
        }
    }
}

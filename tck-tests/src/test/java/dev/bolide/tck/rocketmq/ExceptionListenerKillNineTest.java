package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JMS connection whose broker process is killed ({@code kill -9}: no connection is closed by the
 * broker, the operating system resets them) hears of it once through its ExceptionListener, with
 * the broker's name and address, while its consumer's pulls go on failing; restarted and killed
 * again, the broker is reported again.
 */
class ExceptionListenerKillNineTest {
    @TempDir
    Path dir;

    @Test
    void theExceptionListenerHearsOnceOfEachKillOfTheBroker() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir);
                Connection connection = new BolideConnectionFactory(broker.nameServerAddress()).createConnection()) {
            List<JMSException> heard = new CopyOnWriteArrayList<>();
            connection.setExceptionListener(heard::add);
            connection.start();
            Session session = connection.createSession();
            Queue queue = session.createQueue("Watched");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("the topic exists once it has a message"));
            session.createConsumer(queue);
            String named = "broker broker-a at 127.0.0.1:" + broker.brokerPort() + " unreachable";

            broker.kill();
            await().atMost(Duration.ofSeconds(15)).until(() -> heard.size() == 1);
            // pulls fail again every half second meanwhile: still one report
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> heard.size() == 1);

            broker.restart();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                producer.send(session.createTextMessage("the broker is back"));
                return true;
            });
            broker.kill();
            await().atMost(Duration.ofSeconds(15)).until(() -> heard.size() == 2);

            assertThat(heard).allSatisfy(failure -> assertThat(failure).hasMessageContaining("lost the connection")
                    .hasMessageContaining(named));
        }
    }
}

package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.rocketmq.BrokerProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The Dead letters page in headless Chromium: messages a real rocketmq-client 4.9.8 push consumer
 * (maxReconsumeTimes 0, answering RECONSUME_LATER) sent to its {@code %DLQ%} topic are listed a
 * page at a time, and re-sent from the page they reach the consumer, now accepting them.
 */
class DeadLettersPageTest {
    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void aDeadLetterReSentFromThePageArrivesAtTheConsumer() throws Exception {
        Consuming consuming = consume("Fragile", "Failing");
        fixture.producer.send(new Message("Fragile", "doomed".getBytes(StandardCharsets.UTF_8)));
        awaitDeadLetters("Failing", 1);

        fixture.chromium.driver().get(fixture.console + "/dlq?group=Failing");
        assertThat(fixture.chromium.driver().findElement(By.tagName("table")).getText()).contains("Fragile");
        fixture.chromium.screenshot("dead-letters");
        consuming.accepting.set(true);
        fixture.chromium.driver().findElement(By.xpath("//button[.='Re-send']")).click();

        fixture.chromium.waiting().until(driver -> driver.findElement(By.id("resent")).getText()
                .equals("1 re-sent to their original topics"));
        await().atMost(Duration.ofSeconds(60)).until(() -> consuming.accepted.contains("doomed"));
    }

    @Test
    void deadLettersArePagedAndReSendAllSendsEveryOne() throws Exception {
        Consuming consuming = consume("FragileToo", "FailingToo");
        for (int i = 0; i < 55; i++) {
            fixture.producer.send(new Message("FragileToo", ("doomed-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        awaitDeadLetters("FailingToo", 55);

        fixture.chromium.driver().get(fixture.console + "/dlq?group=FailingToo");
        assertThat(fixture.chromium.driver().findElement(By.tagName("caption")).getText())
                .isEqualTo("55 dead letters, 1 to 50 shown");
        fixture.chromium.driver().findElement(By.id("next-page")).click();
        fixture.chromium.waiting().until(driver -> driver.findElement(By.tagName("caption")).getText()
                .equals("55 dead letters, 51 to 55 shown"));
        consuming.accepting.set(true);
        fixture.chromium.driver().findElement(By.id("resend-all")).click();

        fixture.chromium.waiting().until(driver -> driver.findElement(By.id("resent")).getText()
                .equals("55 re-sent to their original topics"));
        await().atMost(Duration.ofSeconds(60)).until(() -> consuming.accepted.size() == 55);
    }

    @Test
    void aReSendForAGroupWithoutDeadLettersIsRefusedWithTheReasonAndAGetIsNoReSend() throws Exception {
        HttpResponse<String> noGroup = fixture.http.postFormOf("/topics", "/dlq/resend?group=Nobody&offset=0", "");
        HttpResponse<String> byGet = fixture.http.get("/dlq/resend?group=Nobody&offset=0");

        assertThat(noGroup.statusCode()).isEqualTo(400);
        assertThat(noGroup.body()).isEqualTo("the consumer group Nobody has no dead letters");
        assertThat(byGet.statusCode()).isEqualTo(405);
    }

    /** Waits until the Dead letters page lists the group with {@code count} dead letters. */
    private static void awaitDeadLetters(String group, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.http.get("/dlq").body()
                .matches("(?s).*>" + group + "</a></td><td>" + count + "</td>.*"));
    }

    /** A push consumer that answers RECONSUME_LATER until told to accept, with no retries before the DLQ. */
    private static Consuming consume(String topic, String group) throws Exception {
        Consuming consuming = new Consuming();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(fixture.broker.nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(0);
        BrokerProcess.routesPolledEverySecond(consumer);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            if (!consuming.accepting.get()) {
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            messages.forEach(m -> consuming.accepted.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        fixture.closeLater(consumer::shutdown);
        return consuming;
    }

    private static final class Consuming {
        final AtomicBoolean accepting = new AtomicBoolean();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
    }
}

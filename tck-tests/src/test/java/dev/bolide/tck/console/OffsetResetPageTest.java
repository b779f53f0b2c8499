package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Resetting a consumer group's offsets by time from the Consumer groups page in headless Chromium:
 * a live rocketmq-client 4.9.8 push consumer that consumed everything receives every message sent
 * after that time again, and nothing sent long before it. A reset the broker cannot do is refused with
 * the reason.
 */
class OffsetResetPageTest {
    private static final String TOPIC = "Replayed";
    private static final String GROUP = "Replayers";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void aResetByTimeFromThePageMakesTheLiveConsumerReceiveAgain() throws Exception {
        assertThat(fixture.http.postFormOf("/topics", "/topics/create", "topic=" + TOPIC + "&queues=2").statusCode())
                .isEqualTo(303);
        send("before", 4);
        // the reset goes to the message stored nearest to the time, as on RocketMQ: far from the first batch
        Thread.sleep(3000);
        Instant resetTime = Instant.now();
        send("after", 6);
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.broker.startConsumer(GROUP, TOPIC, received);
        fixture.closeLater(consumer::shutdown);
        await().atMost(WAIT).until(() -> received.size() == 10);
        // the consumer's committed offsets reach the broker every five seconds
        await().atMost(WAIT).until(() -> fixture.http.get("/api/groups").body().matches(
                "(?s).*\"" + GROUP + "/" + TOPIC + "/0/lag\":\"0\".*\"" + GROUP + "/" + TOPIC + "/1/lag\":\"0\".*"));

        fixture.chromium.driver().get(fixture.console + "/groups");
        fixture.chromium.driver().findElement(By.id("reset-group")).sendKeys(GROUP);
        fixture.chromium.driver().findElement(By.id("reset-topic")).sendKeys(TOPIC);
        fixture.chromium.driver().findElement(By.id("reset-time")).sendKeys(resetTime.toString());
        fixture.chromium.screenshot("groups-reset");
        fixture.chromium.driver().findElement(By.id("reset")).click();

        await().atMost(WAIT).until(() -> received.entrySet().stream().filter(entry -> entry.getKey()
                .startsWith("after")).allMatch(entry -> entry.getValue().size() == 2));
        assertThat(fixture.chromium.driver().getCurrentUrl()).isEqualTo(fixture.console + "/groups");
        assertThat(received.entrySet().stream().filter(entry -> entry.getKey().startsWith("before")))
                .allMatch(entry -> entry.getValue().size() == 1);
    }

    @Test
    void aResetOfAGroupWithoutOffsetsOrWithABadTimeIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> noGroup = fixture.http.postFormOf("/topics", "/groups/reset",
                "group=Nobody&topic=TBW102&time=0");
        HttpResponse<String> badTime = fixture.http.postFormOf("/topics", "/groups/reset",
                "group=Nobody&topic=TBW102&time=yesterday");

        assertThat(noGroup.statusCode()).isEqualTo(400);
        assertThat(noGroup.body()).isEqualTo("THe consumer group <Nobody> not exist");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("not 'yesterday'");
    }

    private static void send(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            fixture.producer.send(new Message(TOPIC, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
        }
    }
}

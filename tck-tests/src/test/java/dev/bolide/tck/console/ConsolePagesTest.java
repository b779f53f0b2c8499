package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's pages in headless Chromium, against the launched broker fed by the real
 * rocketmq-client 4.9.8: each shows what the clients just did, and its numbers move without a
 * reload. Screenshots go to {@code target/console-screenshots}.
 */
class ConsolePagesTest {
    private static final String TOPIC = "Shown";
    private static final String GROUP = "ShownReaders";
    private static final int SENT = 12;

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();
    private static DefaultMQProducer producer;
    private static Chromium chromium;
    private static String console;
    private static ConsoleHttp http;

    @BeforeAll
    static void brokerWithTrafficAndABrowser() throws Exception {
        producer = fixture.producer;
        chromium = fixture.chromium;
        console = fixture.console;
        http = fixture.http;
        send(SENT);
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.broker.startConsumer(GROUP, TOPIC, received);
        fixture.closeLater(consumer::shutdown);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == SENT);
    }

    @Test
    void clusterPageShowsTheBrokerAndItsCommitLogGrowingWithoutAReload() throws Exception {
        chromium.driver().get(console + "/");

        assertThat(chromium.driver().findElement(By.tagName("table")).getText()).contains("DefaultCluster")
                .contains("broker-a").contains("V4_9_8");
        WebElement maxOffset = chromium.driver().findElement(By.cssSelector("[data-key='commitLogMaxOffset']"));
        long before = Long.parseLong(maxOffset.getText());
        assertThat(before).isPositive();
        assertThat(chromium.driver().findElement(By.cssSelector("[data-key='diskUse']")).getText()).endsWith("%");
        chromium.screenshot("cluster");

        send(3);

        chromium.waiting().until(driver -> Long.parseLong(driver.findElement(
                By.cssSelector("[data-key='commitLogMaxOffset']")).getText()) > before);
        chromium.screenshot("cluster-refreshed");
    }

    @Test
    void topicsPageListsTheTopicWithItsMessagesAndCreatesAndDeletesTopics() throws Exception {
        chromium.driver().get(console + "/topics");

        chromium.waiting().until(driver -> Long.parseLong(driver.findElement(
                By.cssSelector("[data-key='messages:" + TOPIC + "']")).getText()) >= SENT);
        chromium.screenshot("topics");

        chromium.driver().findElement(By.id("create-topic")).sendKeys("MadeInTheConsole");
        chromium.driver().findElement(By.id("create")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-key='messages:MadeInTheConsole']")));
        assertThat(chromium.driver().findElement(By.tagName("table")).getText()).contains("MadeInTheConsole");
        chromium.screenshot("topics-created");

        chromium.driver().findElement(By.id("delete-topic")).sendKeys("MadeInTheConsole");
        chromium.driver().findElement(By.id("delete")).click();
        chromium.waiting().until(driver -> driver.findElements(
                By.cssSelector("[data-key='messages:MadeInTheConsole']")).isEmpty());
    }

    @Test
    void groupsPageShowsTheMembersAndEachQueuesOffsetsAndLag() throws Exception {
        chromium.driver().get(console + "/groups");

        String table = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[caption[starts-with(., '" + GROUP + " ')]]"))).getText();
        assertThat(table).contains(TOPIC).doesNotContain("none online");
        chromium.waiting().until(driver -> consumerOffsets(driver.findElements(By.cssSelector(
                "[data-key^='" + GROUP + "/" + TOPIC + "/'][data-key$='/consumer']"))) >= SENT);
        chromium.waiting().until(driver -> driver.findElements(By.cssSelector(
                "[data-key^='" + GROUP + "/" + TOPIC + "/'][data-key$='/lag']")).stream()
                .allMatch(lag -> lag.getText().equals("0")));
        chromium.screenshot("groups");
    }

    @Test
    void aTopicFormWithASystemTopicOrABadQueueCountIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> system = http.postFormOf("/topics", "/topics/delete",
                "topic=RMQ_SYS_TRANS_HALF_TOPIC");
        HttpResponse<String> noQueues = http.postFormOf("/topics", "/topics/create", "topic=Fine&queues=0");

        assertThat(system.statusCode()).isEqualTo(400);
        assertThat(system.body()).contains("RMQ_SYS_TRANS_HALF_TOPIC").contains("system topic");
        assertThat(noQueues.statusCode()).isEqualTo(400);
        assertThat(noQueues.body()).contains("queues must be a whole number from 1 to 1024");
        assertThat(http.get("/api/topics").body()).contains("\"messages:" + TOPIC + "\"")
                .doesNotContain("messages:Fine");
    }

    private static long consumerOffsets(List<WebElement> cells) {
        return cells.stream().mapToLong(cell -> Long.parseLong(cell.getText())).sum();
    }

    private static void send(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new Message(TOPIC, ("shown-" + i).getBytes(StandardCharsets.UTF_8)));
        }
    }
}

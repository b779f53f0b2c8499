package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The Messages page in headless Chromium, against the launched broker fed by the real
 * rocketmq-client 4.9.8 and Bolide's JMS client: searches by time range (paged), key, offset
 * message id, unique key and queue offset, and each message's page.
 */
class MessagesPageTest {
    private static final String TOPIC = "Searched";
    /** More than one page of 50. */
    private static final int SENT = 60;

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();
    private static DefaultMQProducer producer;
    private static Chromium chromium;
    private static String console;
    private static ConsoleHttp http;
    private static Instant before;
    private static SendResult keyed;

    @BeforeAll
    static void brokerWithMessagesAndABrowser() throws Exception {
        producer = fixture.producer;
        chromium = fixture.chromium;
        console = fixture.console;
        http = fixture.http;
        before = Instant.now().minusSeconds(1);
        for (int i = 0; i < SENT; i++) {
            producer.send(new Message(TOPIC, ("searched-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Message withKey = new Message(TOPIC, "Shipped", "order-42", "<b>shipped</b> order 42"
                .getBytes(StandardCharsets.UTF_8));
        withKey.putUserProperty("carrier", "<i>post</i>");
        keyed = producer.send(withKey);
    }

    @Test
    void aTimeRangeSearchListsTheTopicsMessagesFiftyToAPage() throws Exception {
        chromium.driver().get(console + "/messages");
        chromium.driver().findElement(By.id("search-topic")).sendKeys(TOPIC);
        chromium.driver().findElement(By.id("search-begin")).sendKeys(before.toString());
        chromium.driver().findElement(By.id("search")).click();

        awaitCaption("50 messages found");
        assertThat(chromium.driver().findElement(By.tagName("table")).getText()).contains(TOPIC);
        chromium.screenshot("messages-time-range");

        chromium.driver().findElement(By.id("next-page")).click();

        awaitCaption((SENT + 1 - 50) + " messages found");
        assertThat(chromium.driver().findElements(By.id("next-page"))).isEmpty();
    }

    @Test
    void aKeySearchFindsTheMessageWhosePageShowsItsPropertiesBodyStoreTimeAndBornHost() throws Exception {
        chromium.driver().get(console + "/messages");
        chromium.driver().findElement(By.id("search-topic")).sendKeys(TOPIC);
        chromium.driver().findElement(By.id("search-key")).sendKeys("order-42");
        chromium.driver().findElement(By.id("search")).click();
        awaitCaption("1 messages found");
        chromium.screenshot("messages-by-key");

        chromium.driver().findElement(By.linkText(keyed.getOffsetMsgId())).click();

        String page = chromium.waiting().until(driver -> driver.findElement(By.tagName("body"))).getText();
        assertThat(page).contains("Message " + keyed.getOffsetMsgId()).contains(keyed.getMsgId())
                .contains("carrier <i>post</i>").contains("TAGS Shipped").contains("KEYS order-42")
                .contains("born host 127.0.0.1:").contains("store time 20");
        assertThat(chromium.driver().findElement(By.cssSelector("[data-key='body']")).getText())
                .isEqualTo("<b>shipped</b> order 42");
        chromium.screenshot("message-detail");
    }

    @Test
    void theOffsetMessageIdTheUniqueKeyAndTheQueueOffsetEachFindTheMessage() throws Exception {
        String byOffsetId = search("id=" + keyed.getOffsetMsgId());
        String byQueueOffset = search("topic=" + TOPIC + "&queue=" + keyed.getMessageQueue().getQueueId()
                + "&offset=" + keyed.getQueueOffset());
        await().atMost(Duration.ofSeconds(60)).until(() -> search("topic=" + TOPIC + "&id=" + keyed.getMsgId())
                .contains("1 messages found"));

        assertThat(byOffsetId).contains("1 messages found").contains(keyed.getMsgId());
        assertThat(byQueueOffset).contains("1 messages found").contains(keyed.getOffsetMsgId());
    }

    @Test
    void aBodyThatIsNotUtf8IsShownInHex() throws Exception {
        SendResult sent = producer.send(new Message("Binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));

        chromium.driver().get(console + "/messages?id=" + sent.getOffsetMsgId());
        chromium.driver().findElement(By.linkText(sent.getOffsetMsgId())).click();

        chromium.waiting().until(driver -> driver.findElement(By.cssSelector("[data-key='body']")));
        assertThat(chromium.driver().findElement(By.cssSelector("[data-key='body']")).getText())
                .isEqualTo("fffe0001");
        assertThat(chromium.driver().findElement(By.xpath("//caption[starts-with(., 'Body')]")).getText())
                .isEqualTo("Body, 4 bytes, in hex");
    }

    @Test
    void aMessageFromTheJmsClientShowsItsJmsBodyType() throws Exception {
        Instant sentAfter = Instant.now().minusSeconds(1);
        try (Connection connection = new BolideConnectionFactory(nameServer()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("JmsShown")).send(session.createTextMessage("from JMS"));
        }

        chromium.driver().get(console + "/messages?topic=JmsShown&begin=" + sentAfter);
        awaitCaption("1 messages found");
        chromium.driver().findElement(By.cssSelector("td a")).click();

        String page = chromium.waiting().until(driver -> driver.findElement(By.tagName("body"))).getText();
        assertThat(page).contains("JMS body type TEXT");
        assertThat(chromium.driver().findElement(By.cssSelector("[data-key='body']")).getText())
                .isEqualTo("from JMS");
        chromium.screenshot("message-detail-jms");
    }

    @Test
    void whatTheClientsWroteIsEscapedInThePage() throws Exception {
        HttpResponse<String> detail = http.get("/messages?id=" + keyed.getOffsetMsgId());
        String link = detail.body().replaceAll("(?s).*href=\"(/messages/detail\\?offset=\\d+)\".*", "$1");

        String page = http.get(link).body();

        assertThat(page).contains("&lt;i&gt;post&lt;/i&gt;").contains("&lt;b&gt;shipped&lt;/b&gt;")
                .doesNotContain("<i>").doesNotContain("<b>");
    }

    @Test
    void aSearchWithoutItsTopicOrWithABadTimeIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> noTopic = http.get("/messages?key=order-42");
        HttpResponse<String> badTime = http.get("/messages?topic=" + TOPIC + "&begin=yesterday");
        HttpResponse<String> nowhere = http.get("/messages/detail?offset=3");

        assertThat(noTopic.statusCode()).isEqualTo(400);
        assertThat(noTopic.body()).isEqualTo("name the topic");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("begin must be an ISO-8601 time").contains("'yesterday'");
        assertThat(nowhere.statusCode()).isEqualTo(404);
    }

    /** The search is run again until its results are dispatched to the queues and the index. */
    private static void awaitCaption(String caption) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (chromium.driver().findElement(By.tagName("caption")).getText().equals(caption)) {
                return true;
            }
            chromium.driver().navigate().refresh();
            return false;
        });
    }

    private static String search(String query) throws Exception {
        return http.get("/messages?" + query).body();
    }

    private static String nameServer() {
        return producer.getNamesrvAddr();
    }
}

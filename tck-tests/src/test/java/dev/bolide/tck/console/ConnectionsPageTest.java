package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Producers and connections page in headless Chromium: the real rocketmq-client 4.9.8 producer
 * and push consumer connected to the launched broker are listed under their groups with their
 * client ids, addresses, language and version, as mqadmin's producerConnection and
 * consumerConnection show them, and a consumer that shuts down leaves the page.
 */
class ConnectionsPageTest {
    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void theConnectedProducerAndConsumerAreListedWithTheirClientDetails() throws Exception {
        DefaultMQPushConsumer consumer = fixture.broker.startConsumer("Listed", "ListedTopic",
                new ConcurrentHashMap<>(Map.of()));
        fixture.closeLater(consumer::shutdown);
        String producerId = fixture.producer.buildMQClientId();
        String consumerId = consumer.buildMQClientId();

        fixture.chromium.driver().get(fixture.console + "/connections");
        fixture.chromium.waiting().until(driver -> {
            driver.navigate().refresh();
            return row(driver, "Listed", consumerId) != null && row(driver, "PG", producerId) != null;
        });

        assertThat(row(fixture.chromium.driver(), "PG", producerId)).startsWith("PG " + producerId + " 127.0.0.1:")
                .contains(" JAVA V4_9_8 ");
        assertThat(row(fixture.chromium.driver(), "Listed", consumerId))
                .startsWith("Listed " + consumerId + " 127.0.0.1:")
                .contains(" JAVA V4_9_8 CONSUME_PASSIVELY, CLUSTERING, CONSUME_FROM_FIRST_OFFSET; ")
                .contains("ListedTopic *");
        fixture.chromium.screenshot("connections");

        consumer.shutdown();

        fixture.chromium.waiting().until(driver -> {
            driver.navigate().refresh();
            return row(driver, "Listed", consumerId) == null;
        });
    }

    /** The text of the table row of {@code clientId} in {@code group}; null when there is none. */
    private static String row(WebDriver driver, String group, String clientId) {
        return driver.findElements(By.xpath("//tr[td[1][.='" + group + "'] and td[.='" + clientId + "']]")).stream()
                .findFirst()
                .map(row -> row.getText().replaceAll("\\s+", " ")).orElse(null);
    }
}

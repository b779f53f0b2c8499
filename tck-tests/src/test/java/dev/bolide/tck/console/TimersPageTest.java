package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Timers page in headless Chromium: messages a real rocketmq-client 4.9.8 parks in a delay level
 * or on a RocketMQ 5 timer are counted pending, the level's first due two hours after it was sent,
 * the timer's an hour after,
 * and a new one moves the numbers without a reload.
 */
class TimersPageTest {
    /** The level of RocketMQ's default {@code messageDelayLevel} that waits two hours. */
    private static final int TWO_HOURS = 18;

    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void delayedAndTimedMessagesAreCountedPendingWithTheNextDueTime() throws Exception {
        Instant sent = Instant.now();
        send(delayed("first"));
        Message timed = new Message("Later", "timed".getBytes(StandardCharsets.UTF_8));
        timed.putUserProperty("TIMER_DELAY_SEC", "3600");
        send(timed);

        fixture.chromium.driver().get(fixture.console + "/timers");
        fixture.chromium.waiting().until(driver -> cell(driver, "level/" + TWO_HOURS + "/pending").equals("1"));
        fixture.chromium.waiting().until(driver -> cell(driver, "timers/pending").equals("1"));
        fixture.chromium.waiting().until(driver -> !cell(driver, "timers/nextDue").equals("-"));
        assertThat(Duration.between(sent, Instant.parse(cell(fixture.chromium.driver(), "timers/nextDue"))))
                .isBetween(Duration.ofHours(1).minusMinutes(1), Duration.ofHours(1).plusMinutes(5));
        Instant nextDue = Instant.parse(cell(fixture.chromium.driver(), "level/" + TWO_HOURS + "/nextDue"));
        assertThat(Duration.between(sent, nextDue)).isBetween(Duration.ofHours(2).minusMinutes(1),
                Duration.ofHours(2).plusMinutes(5));
        assertThat(cell(fixture.chromium.driver(), "level/1/pending")).isEqualTo("0");
        fixture.chromium.screenshot("timers");

        send(delayed("second"));

        fixture.chromium.waiting().until(driver -> cell(driver, "level/" + TWO_HOURS + "/pending").equals("2"));
        assertThat(Instant.parse(cell(fixture.chromium.driver(), "level/" + TWO_HOURS + "/nextDue")))
                .isEqualTo(nextDue);
    }

    private static Message delayed(String body) {
        Message message = new Message("Later", body.getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(TWO_HOURS);
        return message;
    }

    private static void send(Message message) throws Exception {
        fixture.producer.send(message);
    }

    private static String cell(WebDriver driver, String key) {
        return driver.findElement(By.cssSelector("[data-key='" + key + "']")).getText();
    }
}

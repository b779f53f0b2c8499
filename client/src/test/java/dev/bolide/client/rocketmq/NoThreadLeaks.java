package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test that leaves a client or broker thread running: closing must end them all. */
final class NoThreadLeaks implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        Awaitility.await("bolide threads to end").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                        .map(Thread::getName).filter(name -> name.startsWith("bolide-"))).isEmpty());
    }
}

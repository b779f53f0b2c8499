package dev.bolide.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a Bolide thread running (the store's, the broker's, the client's: all
 * are named {@code bolide-...}): closing what a test opened must end them all.
 */
public final class NoThreadLeaks implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        Awaitility.await("bolide threads to end").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                        .map(Thread::getName).filter(name -> name.startsWith("bolide-"))).isEmpty());
    }
}

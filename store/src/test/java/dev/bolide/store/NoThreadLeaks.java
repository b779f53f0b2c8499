package dev.bolide.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test that leaves a store thread running: every test must close what it opens. */
public final class NoThreadLeaks implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        Awaitility.await("store threads to end").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(storeThreads()).isEmpty());
    }

    private static List<String> storeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("bolide-")).toList();
    }
}

package dev.bolide.ra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The embedded broker logs through the application server: the broker process's Logback backend
 * (bolide-broker-logging, an optional dependency of the broker) must not come into the adapter,
 * whose classpath here is what the .rar bundles.
 */
class EmbeddedBrokerLoggingTest {
    @Test
    void theBrokersSystemLoggersGoToTheJdksLoggingAsTheServerConfiguresIt() {
        // the JDK's own finder (java.util.logging's) comes from the boot class loader; a library's would not
        assertThat(System.LoggerFinder.getLoggerFinder().getClass().getClassLoader()).isNull();
    }

    @Test
    void logbackAndItsLoggerFinderAreNotInTheAdapter() {
        assertThatThrownBy(() -> Class.forName("ch.qos.logback.classic.LoggerContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.slf4j.jdk.platform.logging.SLF4JSystemLoggerFinder"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}

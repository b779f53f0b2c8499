package dev.bolide.broker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped configurations, read by Logback itself: which logger writes which file, where, rolled how. */
class LogFilesConfigurationTest {
    @TempDir
    Path dir;
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    /** {@code properties} stand for the -D options of the process (Logback reads its context first). */
    private LoggerContext configured(String resource, Map<String, String> properties) throws JoranException {
        properties.forEach(context::putProperty);
        // SLF4J's initialisation sets this on the context it makes; a context made here needs it too
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(resource));
        return context;
    }

    private Path logs() {
        return dir.resolve("logs");
    }

    @Test
    void brokerStoreAndNameServerLinesGoToTheirOwnFiles() throws Exception {
        configured("logback.xml", Map.of("bolide.log.dir", logs().toString()));

        context.getLogger("dev.bolide.broker.launcher.BrokerLauncher").info("broker line");
        context.getLogger("dev.bolide.store.MessageStore").warn("store line");
        context.getLogger("dev.bolide.broker.namesrv.NameServer").info("name server line");

        assertThat(logs().resolve("broker.log")).content().contains("broker line").doesNotContain("store line")
                .doesNotContain("name server line");
        assertThat(logs().resolve("store.log")).content().contains("store line").doesNotContain("broker line");
        assertThat(logs().resolve("namesrv.log")).content().contains("name server line")
                .doesNotContain("broker line");
    }

    @Test
    void withoutAFolderTheyGoToRocketMqsFolderInTheUsersHome() throws Exception {
        configured("logback.xml", Map.of("user.home", dir.toString()));

        context.getLogger("dev.bolide.broker.BolideBroker").info("in the home folder");

        assertThat(dir.resolve("logs/rocketmqlogs/broker.log")).content().contains("in the home folder");
    }

    @Test
    void aFilePastItsSizeIsRolledGzippedIntoOtherdays() throws Exception {
        Files.createDirectories(logs());
        Files.writeString(logs().resolve("broker.log"), "an old line\n".repeat(200));
        configured("logback.xml", Map.of("bolide.log.dir", logs().toString(), "bolide.log.maxFileSize", "1KB"));

        context.getLogger("dev.bolide.broker.BolideBroker").info("after the roll");

        assertThat(logs().resolve("otherdays/broker.1.log.gz")).isNotEmptyFile();
        assertThat(logs().resolve("broker.log")).content().contains("after the roll").doesNotContain("an old line");
    }

    @Test
    void aNameServerProcessWritesNamesrvLogOnly() throws Exception {
        configured("logback-namesrv.xml", Map.of("bolide.log.dir", logs().toString()));

        context.getLogger("dev.bolide.remoting.ConnectionGuard").info("a remoting line");

        assertThat(logs().resolve("namesrv.log")).content().contains("a remoting line");
        assertThat(logs().resolve("broker.log")).doesNotExist();
    }
}

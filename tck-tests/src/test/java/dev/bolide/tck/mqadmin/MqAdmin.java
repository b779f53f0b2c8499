package dev.bolide.tck.mqadmin;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.rocketmq.tools.command.MQAdminStartup;

/**
 * Runs a real {@code mqadmin} 4.9.8 command in this JVM, as {@code bin/mqadmin} does, and returns
 * what it printed (standard output and error: a failing command prints its stack trace there).
 */
public final class MqAdmin {
    private static final String LOGBACK = """
            <configuration>
              <appender name="NONE" class="ch.qos.logback.core.helpers.NOPAppender"/>
              <root level="OFF"><appender-ref ref="NONE"/></root>
            </configuration>
            """;

    private static final Path HOME;

    static {
        // MQAdminStartup reads ROCKETMQ_HOME once, for conf/logback_tools.xml, and runs nothing without it
        try {
            HOME = Files.createTempDirectory("mqadmin-home");
            Files.writeString(Files.createDirectories(HOME.resolve("conf")).resolve("logback_tools.xml"), LOGBACK);
            System.setProperty("rocketmq.home.dir", HOME.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the next commands sign with this account, as mqadmin does with the {@code accessKey} and
     * {@code secretKey} of {@code $ROCKETMQ_HOME/conf/tools.yml} (read again by each command); null:
     * no {@code tools.yml}, unsigned commands.
     */
    public static synchronized void signAs(String accessKey, String secretKey) throws IOException {
        Path tools = HOME.resolve("conf").resolve("tools.yml");
        if (accessKey == null) {
            Files.deleteIfExists(tools);
        } else {
            Files.writeString(tools, "accessKey: " + accessKey + "\nsecretKey: " + secretKey + "\n");
        }
    }

    private MqAdmin() {
    }

    /** @param arguments the command line after {@code mqadmin}, e.g. {@code "topicList", "-n", "host:port"} */
    public static synchronized String run(String... arguments) {
        return capturing(arguments, printed -> MQAdminStartup.main0(arguments, null));
    }

    /**
     * Runs a command that loops until stopped (as {@code clusterRT} does, the operator pressing
     * Ctrl-C) until what it printed satisfies {@code enough}, then interrupts it, as often as it
     * takes: an interrupted send is counted as failed and the loop goes on to its sleep, which ends it.
     */
    public static synchronized String runUntil(Predicate<String> enough, String... arguments) {
        return capturing(arguments, printed -> {
            Thread command = new Thread(() -> MQAdminStartup.main0(arguments, null), "mqadmin-" + arguments[0]);
            command.start();
            try {
                await(arguments[0] + " printed enough").atMost(Duration.ofSeconds(60))
                        .until(() -> enough.test(printed.toString(StandardCharsets.UTF_8)) || !command.isAlive());
            } finally {
                await(arguments[0] + " stopped").atMost(Duration.ofSeconds(30)).until(() -> {
                    command.interrupt();
                    return !command.isAlive();
                });
            }
        });
    }

    private static String capturing(String[] arguments, Command command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            command.run(printed);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        out.println("mqadmin " + String.join(" ", arguments) + "\n" + output);
        return output;
    }

    private interface Command {
        void run(ByteArrayOutputStream printed);
    }
}

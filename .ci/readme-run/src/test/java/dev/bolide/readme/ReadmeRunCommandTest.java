package dev.bolide.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's run command, taken from the README itself (the line after its {@code run-command}
 * marker) and run in the repository as a newcomer runs it: it must build what it needs and start a
 * broker that an unchanged RocketMQ client uses, and SIGTERM must stop that broker cleanly.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReadmeRunCommandTest {
    private static final String MARKER = "<!-- run-command";
    private static final String NAME_SERVER = "127.0.0.1:9876";
    private static final Duration START_LIMIT = Duration.ofMinutes(8);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    /** Put after the command's last line, so that a command that ends early fails at once. */
    private static final String END_OF_OUTPUT = "\0end of output";

    private final Path repository = Path.of(System.getProperty("bolide.repository")).toAbsolutePath().normalize();

    @Test
    void theRunCommandStartsABrokerThatCarriesAMessageAndStopsOnSigterm() throws Exception {
        String command = runCommand(Files.readAllLines(repository.resolve("README.md")));
        Process shell = new ProcessBuilder("bash", "-c", command).directory(repository.toFile())
                .redirectErrorStream(true).start();
        BlockingQueue<String> output = echoed(shell);
        try {
            awaitLine(output, "started", START_LIMIT);
            String body = "through the README's broker at " + Instant.now();
            assertThat(sendAndConsume("ReadmeRun" + System.currentTimeMillis(), body)).isEqualTo(body);
        } finally {
            stopBroker(shell);
        }
        awaitLine(output, "closed cleanly", STOP_LIMIT);
        assertThat(shell.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the command ended").isTrue();
    }

    /** SIGTERM to the broker's JVM, whether bash runs it as a child or became it by exec. */
    private static void stopBroker(Process shell) {
        Stream.concat(Stream.of(shell.toHandle()), shell.descendants())
                .filter(process -> process.info().command().orElse("").endsWith("/java"))
                .forEach(ProcessHandle::destroy);
    }

    private static String runCommand(List<String> readme) {
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith(MARKER)) {
                return readme.stream().skip(i + 1).filter(line -> !line.isBlank()).findFirst().orElseThrow().strip();
            }
        }
        throw new AssertionError("README.md has no line starting with " + MARKER);
    }

    /** Lines of the command's output, also copied to this test's output for whoever reads the CI log. */
    private static BlockingQueue<String> echoed(Process shell) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    System.out.println("[run command] " + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("output lost: " + e);
            }
            lines.add(END_OF_OUTPUT);
        }, "run-command-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitLine(BlockingQueue<String> output, String part, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (String line = ""; !line.contains(part); ) {
            line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT)) {
                throw new AssertionError("no line containing '" + part + "' within " + limit
                        + (line == null ? "" : ": the command ended"));
            }
        }
    }

    private static String sendAndConsume(String topic, String body) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("readme-run-producer");
        producer.setNamesrvAddr(NAME_SERVER);
        producer.start();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("readme-run-consumer");
        try {
            SendResult sent = producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            BlockingQueue<String> consumed = new LinkedBlockingQueue<>();
            consumer.setNamesrvAddr(NAME_SERVER);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                for (MessageExt message : messages) {
                    consumed.add(new String(message.getBody(), StandardCharsets.UTF_8));
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            String received = consumed.poll(60, TimeUnit.SECONDS);
            assertThat(received).as("the message consumed within 60 s").isNotNull();
            return received;
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}

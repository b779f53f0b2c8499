package dev.bolide.ra;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.PullResult;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.client.rocketmq.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real RocketMQ-protocol client of a broker found through its name server: sends and pulls text. */
final class RocketMqRoundTrip implements AutoCloseable {
    private static final String GROUP = "ra-tests";

    private final RocketMqClient client;

    RocketMqRoundTrip(String nameServerAddress) {
        client = new RocketMqClient(ClientSettings.of(nameServerAddress));
    }

    /** Sends {@code text} to {@code topic} (created on first use) and returns where it was stored. */
    SendResult send(String topic, String text) {
        return client.send(GROUP, OutgoingMessage.of(topic, text.getBytes(StandardCharsets.UTF_8), Map.of()), null);
    }

    /** The texts stored in the queue {@code sent} went to, from its start. */
    List<String> pullFromQueueOf(SendResult sent) {
        PullResult result = client.pull(PullRequest.of(GROUP, sent.queue(), 0, 32, Duration.ofSeconds(2),
                Subscription.all(sent.queue().topic())));
        return result.messages().stream().map(message -> new String(message.body(), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}

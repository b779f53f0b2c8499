package dev.bolide.client.jms.session;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.rocketmq.QueueSelector;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.SendResult;
import java.util.concurrent.CompletableFuture;

/**
 * Sends at once with failover. NON_PERSISTENT messages go the same way (a normal send the broker
 * answers, not a oneway): RocketMQ has no non-persistent storage, the mapping only lets the broker
 * answer before its flush.
 *
 * <p>Sends to a selected queue (a message group's) are the only ones whose order shows: they start
 * one after the other, in a {@link SendSequence}, as asynchronous sends made while the topic's route
 * or connection was not ready yet could overtake each other. The others go out unchained.
 */
public final class DirectSendPath implements MessageSendPath {
    static final String PRODUCER_GROUP = "BOLIDE_JMS_PRODUCER";

    private final RocketMqClient client;
    private final SendSequence orderedSends = new SendSequence();

    public DirectSendPath(RocketMqClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record) {
        QueueSelector selector = record.queueSelector();
        if (selector == null) {
            return client.sendAsync(PRODUCER_GROUP, record.message(), null);
        }
        return orderedSends.next(() -> client.sendAsync(PRODUCER_GROUP, record.message(), selector));
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }
}

package dev.bolide.client.jms.session;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.SendResult;
import java.util.concurrent.CompletableFuture;

/**
 * Sends at once with failover. NON_PERSISTENT messages go the same way (a normal send the broker
 * answers, not a oneway): RocketMQ has no non-persistent storage, the mapping only lets the broker
 * answer before its flush.
 */
public final class DirectSendPath implements MessageSendPath {
    static final String PRODUCER_GROUP = "BOLIDE_JMS_PRODUCER";

    private final RocketMqClient client;

    public DirectSendPath(RocketMqClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record) {
        return client.sendAsync(PRODUCER_GROUP, record.message(), record.queueSelector());
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

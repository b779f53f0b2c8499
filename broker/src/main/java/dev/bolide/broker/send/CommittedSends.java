package dev.bolide.broker.send;

import dev.bolide.broker.timer.TimerService;
import dev.bolide.broker.transaction.CommitRouting;
import dev.bolide.store.MessageToStore;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The way a committed transactional message takes, the one a send takes in {@link
 * SendMessageProcessor}: the diversion (a delay level's schedule queue), then the timer when it asks
 * for a delivery time. A time the timer refuses (beyond {@code timerMaxDelaySec}: the half message
 * was checked when sent, but the clock or the setting may have moved since) delivers the message at
 * once: the commit loses nothing.
 */
public final class CommittedSends implements CommitRouting {
    private static final System.Logger LOG = System.getLogger(CommittedSends.class.getName());

    private final Diversion diversion;
    private final TimerService timers;

    public CommittedSends(Diversion diversion, TimerService timers) {
        this.diversion = diversion;
        this.timers = timers;
    }

    @Override
    public MessageToStore route(MessageToStore committed, Map<String, String> properties) {
        Destination requested = new Destination(committed.topic(), committed.queueId());
        try {
            Destination destination = diversion.divert(requested, properties, committed.reconsumeTimes(), -1);
            OptionalLong deliverAt = timers.requestedDeliveryTime(properties);
            if (destination.equals(requested) && deliverAt.isEmpty()) {
                return committed;
            }
            MessageToStore routed = committed.toBuilder(destination.topic(), destination.queueId())
                    .properties(properties).build();
            return deliverAt.isPresent() ? timers.timerRecord(routed, deliverAt.getAsLong()) : routed;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "a committed message for {0} is delivered at once: {1}",
                    requested.topic(), e.getMessage());
            return committed;
        }
    }
}

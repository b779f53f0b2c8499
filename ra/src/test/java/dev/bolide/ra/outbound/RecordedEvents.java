package dev.bolide.ra.outbound;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a server's pool would hear from a managed connection: every event, in order. */
final class RecordedEvents implements ConnectionEventListener {
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    List<ConnectionEvent> all() {
        return List.copyOf(events);
    }

    List<Integer> types() {
        return events.stream().map(ConnectionEvent::getId).toList();
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        events.add(event);
    }
}

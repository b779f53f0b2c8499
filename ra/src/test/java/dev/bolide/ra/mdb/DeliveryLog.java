package dev.bolide.ra.mdb;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test archive's message-driven beans were given, by bean, for the in-container tests to read. */
public final class DeliveryLog {
    /** One onMessage call. */
    public record Entry(String text, int deliveryCount, boolean redelivered) {
    }

    private static final Map<String, List<Entry>> BY_BEAN = new ConcurrentHashMap<>();

    private DeliveryLog() {
    }

    static void record(String bean, Message message) {
        try {
            BY_BEAN.computeIfAbsent(bean, b -> new CopyOnWriteArrayList<>()).add(new Entry(
                    ((TextMessage) message).getText(), message.getIntProperty("JMSXDeliveryCount"),
                    message.getJMSRedelivered()));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Entry> of(String bean) {
        return BY_BEAN.getOrDefault(bean, List.of());
    }

    public static List<String> textsOf(String bean) {
        return of(bean).stream().map(Entry::text).toList();
    }
}

package dev.bolide.protocol.selector;

/**
 * What a selector sees of one message: the value of each identifier it names. A caller holding typed
 * values (the JMS client evaluating a selector on its own messages) implements it directly; the broker
 * uses {@link Selector#matches(java.util.Map, long)}, which lets the selector's dialect read the wire
 * properties.
 */
@FunctionalInterface
public interface SelectorContext {
    /**
     * The value of {@code identifier}: a String, Boolean, Byte, Short, Integer, Long, Float or Double, or
     * {@code null} when the message has none (the selector then sees an unknown value).
     */
    Object get(String identifier);
}

package dev.bolide.client.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The properties of one message, with the specification's read-only and value-type rules. */
public final class JmsProperties {
    private static final Set<Class<?>> PROPERTY_TYPES = Set.of(Boolean.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, String.class);

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    /** Sets a property as a client does, checking name, type and writability. */
    public void set(String name, Object value) throws JMSException {
        if (readOnly) {
            throw new MessageNotWriteableException("the properties of this message are read-only");
        }
        if (value != null && !PROPERTY_TYPES.contains(value.getClass())) {
            throw new MessageFormatException(
                    "a property cannot hold a " + value.getClass().getName());
        }
        PropertyNames.checkSettable(name, value);
        values.put(name, value);
    }

    /** Sets a property as the provider does: on receipt, including provider-set JMSX ones. */
    public void setByProvider(String name, Object value) {
        values.put(name, value);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public boolean exists(String name) {
        return values.containsKey(name);
    }

    public Enumeration<String> names() {
        return Collections.enumeration(values.keySet());
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public void clear() {
        values.clear();
        readOnly = false;
    }

    public void makeReadOnly() {
        readOnly = true;
    }
}

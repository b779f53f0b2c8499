package dev.bolide.protocol.selector;

/** A message property or header, looked up by its exact (case-sensitive) name; missing means unknown. */
record Property(String name) implements Expression {
    @Override
    public Object evaluate(SelectorContext message) {
        return read(message, name);
    }

    /** The value the engine computes with: Byte and Short are widened to Integer, Float to Double. */
    static Object read(SelectorContext message, String name) {
        Object value = message.get(name);
        if (value instanceof Byte || value instanceof Short) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        return value;
    }
}

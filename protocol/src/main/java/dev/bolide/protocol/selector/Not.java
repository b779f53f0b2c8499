package dev.bolide.protocol.selector;

import java.util.Map;

/** NOT: swaps TRUE and FALSE; NOT unknown is unknown. */
record Not(Condition operand) implements Condition {
    @Override
    public Boolean evaluate(Map<String, String> properties) {
        Boolean value = operand.evaluate(properties);
        return value == null ? null : !value;
    }
}

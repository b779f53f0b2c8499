package dev.bolide.protocol.selector;

import java.util.Map;

/** {@code x IS NULL}: TRUE when x is unknown, else FALSE; never unknown itself. */
record IsNull(Expression operand) implements Condition {
    @Override
    public Boolean evaluate(Map<String, String> properties) {
        return operand.evaluate(properties) == null;
    }
}

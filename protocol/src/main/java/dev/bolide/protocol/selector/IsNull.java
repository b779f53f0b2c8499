package dev.bolide.protocol.selector;


/** {@code x IS NULL}: TRUE when x is unknown, else FALSE; never unknown itself. */
record IsNull(Expression operand) implements Condition {
    @Override
    public Boolean evaluate(SelectorContext message) {
        return operand.evaluate(message) == null;
    }
}

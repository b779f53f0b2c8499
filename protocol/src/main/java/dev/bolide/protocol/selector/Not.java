package dev.bolide.protocol.selector;


/** NOT: swaps TRUE and FALSE; NOT unknown is unknown. */
record Not(Condition operand) implements Condition {
    @Override
    public Boolean evaluate(SelectorContext message) {
        Boolean value = operand.evaluate(message);
        return value == null ? null : !value;
    }
}

package dev.bolide.protocol.selector;


/**
 * TRUE, FALSE or NULL. As in RocketMQ 4.9, NULL is a truth value (unknown), so it may stand where a
 * condition is expected, but it may not be an operand of {@code =} or {@code <>}.
 */
record BooleanLiteral(Boolean value) implements Condition {
    static final BooleanLiteral TRUE = new BooleanLiteral(Boolean.TRUE);
    static final BooleanLiteral FALSE = new BooleanLiteral(Boolean.FALSE);
    static final BooleanLiteral NULL = new BooleanLiteral(null);

    @Override
    public Boolean evaluate(SelectorContext message) {
        return value;
    }
}

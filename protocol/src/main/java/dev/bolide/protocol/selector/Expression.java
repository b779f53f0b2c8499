package dev.bolide.protocol.selector;


/**
 * A node of a compiled selector. Nodes are immutable, so one compiled selector can be evaluated by
 * many threads at once.
 */
sealed interface Expression permits Condition, Literal, Property, Negation, Arithmetic {
    /**
     * The value of this expression for one message (whose identifiers {@code message} gives, Byte and
     * Short read as Integer, Float as Double): a String, Integer, Long, Double or Boolean, or
     * {@code null} when unknown (a missing property, SQL's NULL).
     *
     * @throws EvaluationException when the value cannot be computed; the whole evaluation stops
     */
    Object evaluate(SelectorContext message);
}

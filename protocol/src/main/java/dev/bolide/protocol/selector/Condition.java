package dev.bolide.protocol.selector;


/**
 * An expression whose value is a truth value of SQL's three-valued logic: TRUE, FALSE or
 * {@code null} for unknown. Only conditions may be combined with AND, OR and NOT.
 */
sealed interface Condition extends Expression
        permits And, Or, Not, Equality, IsNull, Ordering, InList, Like, PropertyCondition, BooleanLiteral {
    @Override
    Boolean evaluate(SelectorContext message);
}

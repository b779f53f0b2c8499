package dev.bolide.protocol.selector;

import java.util.List;

/**
 * A chain {@code c1 OR c2 OR ...}: TRUE if any operand is TRUE, else unknown if any is unknown,
 * else FALSE. One node for the whole chain, so that a long chain does not nest the tree.
 *
 * <p>Operands are evaluated left to right and the first TRUE ends the evaluation, as in RocketMQ
 * 4.9: an operand that would fail is not reached then, but one that fails before it is.
 */
record Or(List<Condition> operands) implements Condition {
    Or {
        operands = List.copyOf(operands);
    }

    @Override
    public Boolean evaluate(SelectorContext message) {
        boolean unknown = false;
        for (int i = 0; i < operands.size(); i++) {
            Boolean value = operands.get(i).evaluate(message);
            if (value == null) {
                unknown = true;
            } else if (value) {
                return Boolean.TRUE;
            }
        }
        return unknown ? null : Boolean.FALSE;
    }
}

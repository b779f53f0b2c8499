package dev.bolide.protocol.selector;

import java.util.List;

/**
 * A chain {@code c1 AND c2 AND ...}: FALSE if any operand is FALSE, else unknown if any is unknown,
 * else TRUE. One node for the whole chain, so that a long chain does not nest the tree.
 *
 * <p>Operands are evaluated left to right and the first FALSE ends the evaluation, as in RocketMQ
 * 4.9: an operand that would fail is not reached then.
 */
record And(List<Condition> operands) implements Condition {
    And {
        operands = List.copyOf(operands);
    }

    @Override
    public Boolean evaluate(SelectorContext message) {
        boolean unknown = false;
        for (int i = 0; i < operands.size(); i++) {
            Boolean value = operands.get(i).evaluate(message);
            if (value == null) {
                unknown = true;
            } else if (!value) {
                return Boolean.FALSE;
            }
        }
        return unknown ? null : Boolean.TRUE;
    }
}

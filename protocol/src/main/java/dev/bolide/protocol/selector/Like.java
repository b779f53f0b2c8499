package dev.bolide.protocol.selector;

/** {@code property LIKE 'pattern'} (Jakarta Messaging only): unknown when the property is missing or not a string. */
record Like(String property, LikePattern pattern) implements Condition {
    @Override
    public Boolean evaluate(SelectorContext message) {
        return message.get(property) instanceof String text ? pattern.matches(text) : null;
    }
}

package dev.bolide.broker.filter;

import dev.bolide.broker.client.Subscription;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.selector.ExpressionType;
import dev.bolide.protocol.selector.Selector;
import dev.bolide.protocol.selector.SelectorSyntaxException;
import dev.bolide.store.MessageFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a subscription into the store filter that applies it: TAG expressions on the ConsumeQueue's
 * tag hash, SQL92 and JMS selectors (the latter a Bolide extension, see {@link ExpressionType#JMS}) on
 * the message properties, only when {@code enablePropertyFilter} is on. Compiled selectors are kept,
 * since every pull of a group repeats the same expression.
 */
public final class SubscriptionFilters {
    public static final String SQL92 = ExpressionType.SQL92;
    /** How each property-filtering expression type compiles. */
    private static final Map<String, Function<String, Selector>> COMPILERS = Map.of(
            ExpressionType.SQL92, Selector::compileSql92, ExpressionType.JMS, Selector::compileJms);
    /** Enough for every live subscription of a large broker; beyond it the cache starts over. */
    private static final int MAX_CACHED = 4096;

    private final boolean propertyFilterEnabled;
    private final Map<Key, Selector> compiled = new ConcurrentHashMap<>();

    public SubscriptionFilters(boolean propertyFilterEnabled) {
        this.propertyFilterEnabled = propertyFilterEnabled;
    }

    /** The filter for a subscription, or why there is none. */
    public MessageFilter filterFor(Subscription subscription) throws FilterRefusedException {
        if (isTagType(subscription.expressionType())) {
            return TagFilter.of(subscription.expression());
        }
        return new PropertyFilter(compile(subscription.expressionType(), subscription.expression()));
    }

    /** Checks that a subscription can be served (CHECK_CLIENT_CONFIG, at consumer start). */
    public void check(String expressionType, String expression) throws FilterRefusedException {
        if (!isTagType(expressionType)) {
            compile(expressionType, expression);
        }
    }

    private Selector compile(String expressionType, String expression) throws FilterRefusedException {
        Function<String, Selector> compiler = COMPILERS.get(expressionType);
        if (compiler == null || !propertyFilterEnabled) {
            throw new FilterRefusedException(ResponseCode.SYSTEM_ERROR,
                    "The broker does not support consumer to filter message by " + expressionType
                            + (compiler != null ? " (enablePropertyFilter=false)" : ""));
        }
        Key key = new Key(expressionType, expression);
        Selector selector = compiled.get(key);
        if (selector != null) {
            return selector;
        }
        try {
            selector = compiler.apply(expression);
        } catch (SelectorSyntaxException e) {
            throw new FilterRefusedException(ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                    "the " + expressionType + " expression [" + expression + "] does not compile: "
                            + e.getMessage());
        }
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        compiled.put(key, selector);
        return selector;
    }

    private static boolean isTagType(String expressionType) {
        return expressionType == null || expressionType.isEmpty() || expressionType.equals(Subscription.TAG);
    }

    /** The same text is a different selector in each dialect. */
    private record Key(String expressionType, String expression) {
    }
}
